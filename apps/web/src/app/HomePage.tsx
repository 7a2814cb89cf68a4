import { Link } from 'react-router';
import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { AuditOutlined, MedicineBoxOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../platform/api/client.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { hasPermission } from '../platform/permissions/permissions.ts';
import { useRoleName } from '../features/identity/useRoleName.ts';
import type { ListResult, MasterRecord } from '../features/master-data/shared/types.ts';

function useCount(path: string, status: string, enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'count', path, status],
    queryFn: () => api.get<ListResult<MasterRecord>>(path, { status, limit: 1, offset: 0 }),
    enabled,
    select: (d) => d.total,
  });
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user, canUnder } = useAuth();
  const roleName = useRoleName();
  const perms = user?.permissions ?? [];
  const seeProducts = canUnder('master_data.product');
  const seeParties = canUnder('master_data.party');
  const pendingProducts = useCount('/master-data/products', 'submitted', seeProducts);
  const pendingParties = useCount('/master-data/parties', 'submitted', seeParties);
  const draftProducts = useCount('/master-data/products', 'draft', seeProducts && hasPermission(perms, 'master_data.product.create'));

  const cards = [
    seeProducts && {
      key: 'pp',
      title: t('home.pendingProducts'),
      value: pendingProducts.data,
      loading: pendingProducts.isPending,
      icon: <MedicineBoxOutlined />,
      to: '/master-data/products?status=submitted',
      highlight: hasPermission(perms, 'master_data.product.approve'),
    },
    seeParties && {
      key: 'pa',
      title: t('home.pendingParties'),
      value: pendingParties.data,
      loading: pendingParties.isPending,
      icon: <ShopOutlined />,
      to: '/master-data/parties?status=submitted',
      highlight: hasPermission(perms, 'master_data.party.approve'),
    },
    seeProducts &&
      hasPermission(perms, 'master_data.product.create') && {
        key: 'dp',
        title: t('home.drafts'),
        value: draftProducts.data,
        loading: draftProducts.isPending,
        icon: <MedicineBoxOutlined />,
        to: '/master-data/products?status=draft',
        highlight: false,
      },
  ].filter(Boolean) as Array<{ key: string; title: string; value?: number; loading: boolean; icon: React.ReactNode; to: string; highlight: boolean }>;

  return (
    <Flex vertical gap={16} data-testid="home">
      <Card className="page-card">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
          {t('home.greeting', { name: user?.displayName ?? '' })}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginBottom: 8 }}>
          {(user?.roles ?? []).map((r) => (
            <Tag key={r} color="blue">
              {roleName(r)}
            </Tag>
          ))}
        </Flex>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={24} sm={12} lg={8}>
            <Link to={c.to}>
              <Card hoverable className={c.highlight ? 'stat-card stat-card-highlight' : 'stat-card'} data-testid={`home-card-${c.key}`}>
                <Statistic title={c.title} value={c.value ?? 0} loading={c.loading} prefix={c.icon} />
              </Card>
            </Link>
          </Col>
        ))}
        {canUnder('audit') && (
          <Col xs={24} sm={12} lg={8}>
            <Link to="/audit">
              <Card hoverable className="stat-card">
                <Statistic title={t('menu.audit')} value={t('home.view')} prefix={<AuditOutlined />} />
              </Card>
            </Link>
          </Col>
        )}
      </Row>
      <Alert type="info" showIcon icon={<SafetyCertificateOutlined />} title={t('home.compliance')} description={t('home.complianceText')} />
    </Flex>
  );
}
