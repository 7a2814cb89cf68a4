import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Spin, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import {
  CarOutlined,
  ScanOutlined,
  VerticalAlignBottomOutlined,
  ApiOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DiffOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  SlidersOutlined,
  DatabaseOutlined,
  HomeOutlined,
  LogoutOutlined,
  MedicineBoxOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ReadOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
  ShoppingCartOutlined,
  FileTextOutlined,
  InboxOutlined,
  HistoryOutlined,
  EnvironmentOutlined,
  ContainerOutlined,
  GoldOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { LangSwitch } from '../platform/i18n/LangSwitch.tsx';
import { useRoleName } from '../features/identity/useRoleName.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { isGroup, selectedMenuKey, visibleMenu, type MenuGroup, type MenuLeaf } from './menu.ts';
import { Logo } from './Logo.tsx';

const ICONS: Record<MenuLeaf['icon'] | MenuGroup['icon'], React.ReactNode> = {
  home: <HomeOutlined />,
  product: <MedicineBoxOutlined />,
  party: <ShopOutlined />,
  user: <UserOutlined />,
  role: <SafetyOutlined />,
  webhook: <ApiOutlined />,
  audit: <AuditOutlined />,
  masterData: <DatabaseOutlined />,
  admin: <SettingOutlined />,
  import: <ImportOutlined />,
  qualification: <FileProtectOutlined />,
  dashboard: <DashboardOutlined />,
  file: <FolderOpenOutlined />,
  change: <DiffOutlined />,
  check: <CheckSquareOutlined />,
  rule: <SlidersOutlined />,
  purchasing: <ShoppingCartOutlined />,
  order: <FileTextOutlined />,
  record: <ContainerOutlined />,
  inventory: <GoldOutlined />,
  stock: <InboxOutlined />,
  stockCard: <HistoryOutlined />,
  location: <EnvironmentOutlined />,
  receiving: <CarOutlined />,
  receipt: <ScanOutlined />,
  acceptance: <SafetyCertificateOutlined />,
  putaway: <VerticalAlignBottomOutlined />,
};

export function AppLayout() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const roleName = useRoleName();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);

  const menu = useMemo(() => visibleMenu(user?.permissions ?? []), [user]);
  const items: MenuProps['items'] = menu.map((node) =>
    isGroup(node)
      ? {
          key: node.key,
          icon: ICONS[node.icon],
          label: t(node.labelKey),
          children: node.children.map((leaf) => ({
            key: leaf.key,
            icon: ICONS[leaf.icon],
            label: (
              <Link to={leaf.path} data-testid={`menu-${leaf.key}`}>
                {t(leaf.labelKey)}
              </Link>
            ),
          })),
        }
      : {
          key: node.key,
          icon: ICONS[node.icon],
          label: (
            <Link to={node.path} data-testid={`menu-${node.key}`}>
              {t(node.labelKey)}
            </Link>
          ),
        },
  );
  const selected = selectedMenuKey(location.pathname);

  const userMenu: MenuProps['items'] = [
    {
      key: 'roles',
      disabled: true,
      label: (
        <Flex gap={4} wrap style={{ maxWidth: 260 }}>
          {(user?.roles ?? []).map((r) => (
            <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
              {roleName(r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('app.logout')}</span>,
      onClick: () => {
        void logout().then(() => navigate('/login', { replace: true }));
      },
    },
  ];

  return (
    <Layout className="app-shell">
      <Layout.Sider
        width={224}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        trigger={null}
        theme="dark"
        className="app-sider"
        data-testid="app-sider"
      >
        <Link to="/" className="app-brand" data-testid="brand">
          <Logo size={28} />
          {!collapsed && (
            <span className="app-brand-text">
              <span className="app-brand-name">{t('app.name')}</span>
              <span className="app-brand-tagline">{t('app.tagline')}</span>
            </span>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={['master-data', 'qualification', 'purchasing', 'receiving', 'inventory', 'admin']}
          data-testid="app-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            aria-label="toggle menu"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
            data-testid="menu-toggle"
          />
          <Flex gap={16} align="center">
            <Tooltip title="OpenAPI">
              <a href="/api/v1/docs" target="_blank" rel="noreferrer" data-testid="api-docs-link" className="app-header-link">
                <ReadOutlined /> {t('app.apiDocs')}
              </a>
            </Tooltip>
            <LangSwitch size="small" />
            <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
              <Button type="text" className="app-user" data-testid="user-menu" aria-label={t('app.userMenu')}>
                <Avatar size="small" style={{ background: '#0b5cad' }} icon={<UserOutlined />} />
                <Typography.Text data-testid="current-user" data-username={user?.username}>
                  {user?.displayName}
                </Typography.Text>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
        <Layout.Footer className="app-footer">
          <SafetyCertificateOutlined /> {t('auth.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
