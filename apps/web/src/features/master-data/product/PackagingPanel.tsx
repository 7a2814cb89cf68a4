import { useState } from 'react';
import { App, Alert, Button, Flex, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../platform/api/client.ts';
import { useAuth } from '../../../platform/auth/AuthContext.tsx';
import { PERMS } from '../../../platform/permissions/permissions.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { childCount, packagingProblems, toPackagingLevels, type PackagingProblem } from './packaging.ts';
import type { PackagingLevel, Product } from './types.ts';

type Row = { name: string; udiDi?: string | null; quantity: number };

export function usePackaging(productId: string) {
  return useQuery({
    queryKey: ['master-data', 'products', 'packaging', productId],
    queryFn: ({ signal }) => api.get<{ items: PackagingLevel[] }>(`/master-data/products/${encodeURIComponent(productId)}/packaging`, undefined, { signal }),
  });
}

/** Packaging levels (unit → box → case …) with their UDI-DIs; editable while the product is a draft or rejected. */
export function PackagingPanel({ product }: { product: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const qc = useQueryClient();
  const q = usePackaging(product.id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ levels: Row[]; reason?: string }>();
  const editable = (product.status === 'draft' || product.status === 'rejected') && can(PERMS.productSetPackaging);

  const save = useMutation({
    mutationFn: (body: { levels: PackagingLevel[]; reason?: string }) => api.post<Product>(`/master-data/products/${encodeURIComponent(product.id)}/packaging`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['master-data', 'products'] });
      await qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });

  const problemText = (p: PackagingProblem) => t(`packaging.problems.${p.code}`);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const rows = values.levels ?? [];
    const problems = packagingProblems(rows.map((r) => ({ name: r.name, udiDi: r.udiDi ?? null, quantity: r.quantity })));
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: ['levels', p.index, p.field], errors: [problemText(p)] })));
      return;
    }
    const reason = values.reason?.trim();
    await save.mutateAsync({ levels: toPackagingLevels(rows), ...(reason ? { reason } : {}) });
    setEditing(false);
    void message.success(t('packaging.saved'));
  };

  const levels = q.data?.items ?? [];

  if (editing) {
    return (
      <div data-testid="packaging-editor">
        <Alert type="info" showIcon title={t('packaging.help')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" initialValues={{ levels: levels.length ? levels : [{ name: t('packaging.unitName'), udiDi: product.udiDi, quantity: 1 }] }}>
          <Form.List name="levels">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={12} align="flex-start" wrap data-testid="packaging-row">
                    <Form.Item label={index === 0 ? t('packaging.level') : undefined} style={{ width: 70 }}>
                      <Typography.Text strong>{index}</Typography.Text>
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} label={index === 0 ? t('packaging.name') : undefined} rules={[{ required: true, whitespace: true, message: t('packaging.problems.required') }]} style={{ width: 180 }}>
                      <Input maxLength={40} placeholder={index === 0 ? t('packaging.unitName') : t('packaging.namePlaceholder')} data-testid={`packaging-name-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'udiDi']} label={index === 0 ? t('packaging.udiDi') : undefined} style={{ width: 220 }}>
                      <Input maxLength={14} inputMode="numeric" style={{ fontFamily: 'monospace' }} data-testid={`packaging-udiDi-${index}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={index === 0 ? t('packaging.quantity') : undefined}
                      tooltip={index === 0 ? t('packaging.quantityHelp') : undefined}
                      rules={[{ required: true, message: t('packaging.problems.positive') }]}
                      style={{ width: 170 }}
                    >
                      <InputNumber<number> min={1} precision={0} disabled={index === 0} style={{ width: '100%' }} data-testid={`packaging-quantity-${index}`} />
                    </Form.Item>
                    {index > 0 && index === fields.length - 1 && (
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('packaging.remove')} data-testid={`packaging-remove-${index}`} />
                      </Form.Item>
                    )}
                  </Flex>
                ))}
                {fields.length < 6 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', udiDi: null, quantity: null })} style={{ marginBottom: 16 }} data-testid="packaging-add">
                    {t('packaging.add')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('common.reasonOptionalPlaceholder')} data-testid="packaging-reason" />
          </Form.Item>
        </Form>
        {save.error ? <ProblemAlert error={save.error} testId="packaging-error" style={{ marginBottom: 12 }} /> : null}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => setEditing(false)} data-testid="packaging-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="packaging-save">
            {t('common.save')}
          </Button>
        </Flex>
      </div>
    );
  }

  return (
    <div data-testid="packaging">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">{t('packaging.intro')}</Typography.Text>
        {editable ? (
          <Button icon={<EditOutlined />} onClick={() => { form.resetFields(); save.reset(); setEditing(true); }} data-testid="packaging-edit">
            {t('packaging.edit')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('packaging.readOnly')}</Typography.Text>
        )}
      </Flex>
      {q.isError && <ProblemAlert error={q.error} />}
      <Table<PackagingLevel>
        rowKey="level"
        size="small"
        loading={q.isPending}
        pagination={false}
        dataSource={levels}
        data-testid="packaging-table"
        locale={{ emptyText: t('packaging.empty') }}
        columns={[
          { title: t('packaging.level'), dataIndex: 'level', width: 80 },
          { title: t('packaging.name'), dataIndex: 'name' },
          { title: t('packaging.udiDi'), dataIndex: 'udiDi', render: (v: string | null) => (v ? <Typography.Text code copyable>{v}</Typography.Text> : '—') },
          { title: t('packaging.quantity'), dataIndex: 'quantity', render: (v: number) => t('packaging.units', { count: v }) },
          {
            title: t('packaging.contains'),
            key: 'contains',
            render: (_: unknown, _r, i) => {
              const n = childCount(levels, i);
              return n && i > 0 ? t('packaging.containsValue', { count: n, name: levels[i - 1]!.name }) : '—';
            },
          },
        ]}
      />
      <Space style={{ marginTop: 8 }} />
    </div>
  );
}
