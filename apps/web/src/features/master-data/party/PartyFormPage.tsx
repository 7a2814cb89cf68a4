import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../platform/i18n/zh-CN.ts';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { FormShell, ReasonField, useServerErrorState } from '../shared/formSupport.tsx';
import { PROVINCE_CODES } from '../shared/regions.ts';
import { checkCreditCode } from '../shared/validators.ts';
import { useCreateChangeRequest } from '../../qualification/api.ts';
import { changeBody, remapChangePaths } from '../../qualification/model.ts';
import { partyApi } from './api.ts';
import { formValuesToPartyInput, partyInputOf, partyToFormValues, type PartyFormValues } from './form.ts';
import { CUSTOMER_TYPES, PARTY_DEFAULTED_FIELDS, PARTY_FIELDS, PARTY_KINDS } from './types.ts';

const LIST = '/master-data/parties';
type FieldKey = keyof Messages['party']['fields'];

/** Create, edit (draft or rejected) or propose a change to an approved party (`mode="change"`). */
export default function PartyFormPage({ mode }: { mode?: 'change' }) {
  const { id } = useParams();
  const editing = !!id;
  const changing = mode === 'change';
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PartyFormValues>();
  const detail = partyApi.useDetail(id);
  const create = partyApi.useCreate();
  const update = partyApi.useUpdate(id ?? '');
  const propose = useCreateChangeRequest();
  const serverErrors = useServerErrorState();
  const fields = [...PARTY_FIELDS, 'reason'];

  useEffect(() => {
    if (editing && detail.data) form.setFieldsValue(partyToFormValues(detail.data));
  }, [editing, detail.data, form]);

  if (editing && detail.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (editing && detail.isError) return <ProblemAlert error={detail.error} />;

  const record = detail.data;
  const notEditable = changing ? record && record.status !== 'approved' : editing && record && !record.allowedActions.includes('update');
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
        return;
      }
      const changes = changeBody(partyInputOf(record!), body, PARTY_DEFAULTED_FIELDS);
      if (Object.keys(changes).length === 0) {
        void message.info(t('common.noChanges'));
        return;
      }
      if (changing) {
        const cr = await propose.mutateAsync({ target: 'master_data.party', targetId: id!, changes, reason: reason ?? '' });
        void message.success(t('changeRequest.created', { number: cr.number }));
        navigate(`/qualification/change-requests/${cr.id}`, { replace: true });
        return;
      }
      await update.mutateAsync({ ...changes, reason: reason ?? '' });
      void message.success(t('party.updated'));
      navigate(`${LIST}/${id}`, { replace: true });
    } catch (err) {
      serverErrors.set(form, changing ? remapChangePaths(err) : err, fields);
    }
  };

  return (
    <FormShell
      kind="party"
      title={changing ? t('changeRequest.partyTitle', { number: record?.number ?? '' }) : editing ? t('party.editTitle') : t('party.createTitle')}
      listTitle={t('party.listTitle')}
      listPath={LIST}
      backPath={editing ? `${LIST}/${id}` : LIST}
      saving={create.isPending || update.isPending || propose.isPending}
      error={serverErrors.error}
      otherErrors={serverErrors.other}
      notice={notEditable ? (changing ? t('changeRequest.onlyApproved') : t('party.editOnlyDraft')) : undefined}
      intro={changing ? t('changeRequest.formIntro') : undefined}
      saveLabel={changing ? t('changeRequest.save') : undefined}
      onSave={() => void save()}
    >
      <Form<PartyFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kinds: ['supplier'], regulatorReportFlag: false }}
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

        <Typography.Title level={5}>{t('party.sections.qualification')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="region" label={f('region')} tooltip={t('party.regionHelp')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('party.placeholders.region')}
                data-testid="party-form-region"
                options={PROVINCE_CODES.map((c) => ({ value: c, label: `${c} ${t(`regions.${c}`)}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="customerType" label={f('customerType')} tooltip={t('party.customerTypeHelp')}>
              <Select
                allowClear
                placeholder={t('party.placeholders.customerType')}
                data-testid="party-form-customerType"
                options={CUSTOMER_TYPES.map((c) => ({ value: c, label: t(`party.customerType.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="regulatorReportFlag" label={f('regulatorReportFlag')} valuePropName="checked" tooltip={t('party.regulatorReportHelp')}>
              <Switch data-testid="party-form-regulatorReportFlag" checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryNoteFileId" label={f('deliveryNoteFileId')} extra={t('party.deliveryNoteHelp')}>
              <FileUpload testId="party-form-deliveryNoteFileId" disabled={!!notEditable} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sealFileId" label={f('sealFileId')} extra={t('party.sealHelp')}>
              <FileUpload testId="party-form-sealFileId" disabled={!!notEditable} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="onsiteAuditDate" label={f('onsiteAuditDate')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="party-form-onsiteAuditDate" />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16}>
            <Form.Item name="onsiteAuditResult" label={f('onsiteAuditResult')}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="party-form-onsiteAuditResult" />
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
