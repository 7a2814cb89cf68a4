import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Card, Checkbox, Col, DatePicker, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { FormShell, ReasonField, useServerErrorState } from '../shared/formSupport.tsx';
import { changedFields, checkCreditCode } from '../shared/validators.ts';
import { partyApi } from './api.ts';
import { formValuesToPartyInput, partyInputOf, partyToFormValues, type PartyFormValues } from './form.ts';
import { PARTY_FIELDS, PARTY_KINDS } from './types.ts';

const LIST = '/master-data/parties';
type FieldKey = keyof Messages['party']['fields'];

export default function PartyFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PartyFormValues>();
  const detail = partyApi.useDetail(id);
  const create = partyApi.useCreate();
  const update = partyApi.useUpdate(id ?? '');
  const serverErrors = useServerErrorState();
  const fields = [...PARTY_FIELDS, 'reason'];

  useEffect(() => {
    if (editing && detail.data) form.setFieldsValue(partyToFormValues(detail.data));
  }, [editing, detail.data, form]);

  if (editing && detail.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (editing && detail.isError) return <ProblemAlert error={detail.error} />;

  const notEditable = editing && detail.data && !detail.data.allowedActions.includes('update');
  const f = (name: FieldKey) => t(`party.fields.${name}`);

  const save = async () => {
    let values: PartyFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    serverErrors.clear();
    const body = formValuesToPartyInput(values);
    const reason = values.reason?.trim();
    try {
      if (!editing) {
        const created = await create.mutateAsync(reason ? { ...body, reason } : body);
        void message.success(t('party.created'));
        navigate(`${LIST}/${created.id}`, { replace: true });
      } else {
        const changes = changedFields(partyInputOf(detail.data!), body);
        if (Object.keys(changes).length === 0) {
          void message.info(t('common.noChanges'));
          return;
        }
        await update.mutateAsync({ ...changes, reason: reason ?? '' });
        void message.success(t('party.updated'));
        navigate(`${LIST}/${id}`, { replace: true });
      }
    } catch (err) {
      serverErrors.set(form, err, fields);
    }
  };

  return (
    <FormShell
      kind="party"
      title={editing ? t('party.editTitle') : t('party.createTitle')}
      listTitle={t('party.listTitle')}
      listPath={LIST}
      backPath={editing ? `${LIST}/${id}` : LIST}
      saving={create.isPending || update.isPending}
      error={serverErrors.error}
      otherErrors={serverErrors.other}
      notice={notEditable ? t('party.editOnlyDraft') : undefined}
      onSave={() => void save()}
    >
      <Form<PartyFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kinds: ['supplier'] }}
        disabled={!!notEditable}
        scrollToFirstError
        onValuesChange={() => serverErrors.error && serverErrors.clear()}
      >
        <Typography.Title level={5}>{t('party.sections.basic')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: f('name') }) }]}>
              <Input placeholder={t('party.placeholders.name')} maxLength={200} data-testid="party-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={f('creditCode')}
              validateFirst
              normalize={(v?: string) => v?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: t('validation.required', { field: f('creditCode') }) },
                {
                  validator: async (_, v?: string) => {
                    if (v && checkCreditCode(v) === 'format') throw new Error(t('validation.creditCode'));
                  },
                },
                {
                  // The server checks the format only; a wrong GB 32100 check character is flagged but not blocking.
                  warningOnly: true,
                  validator: async (_, v?: string) => {
                    if (v && checkCreditCode(v) === 'checkDigit') throw new Error(t('validation.creditCodeCheck'));
                  },
                },
              ]}
            >
              <Input placeholder={t('party.placeholders.creditCode')} maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="party-form-creditCode" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="kinds" label={f('kinds')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.atLeastOne') }]}>
              <Checkbox.Group data-testid="party-form-kinds">
                {PARTY_KINDS.map((k) => (
                  <Checkbox key={k} value={k} data-testid={`party-form-kinds-${k}`}>
                    {t(`party.kinds.${k}`)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('party.sections.licence')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="licenceNo" label={f('licenceNo')}>
              <Input placeholder={t('party.placeholders.licenceNo')} maxLength={64} data-testid="party-form-licenceNo" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="licenceValidTo" label={f('licenceValidTo')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="party-form-licenceValidTo" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('party.sections.contact')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="address" label={f('address')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: f('address') }) }]}>
              <Input placeholder={t('party.placeholders.address')} maxLength={300} data-testid="party-form-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contact" label={f('contact')}>
              <Input maxLength={100} data-testid="party-form-contact" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={f('phone')} rules={[{ pattern: /^[0-9+\-() ]{5,30}$/, message: t('validation.phone') }]}>
              <Input maxLength={30} data-testid="party-form-phone" />
            </Form.Item>
          </Col>
        </Row>

        <ReasonField required={editing} testId="party-form-reason" />
      </Form>
    </FormShell>
  );
}
