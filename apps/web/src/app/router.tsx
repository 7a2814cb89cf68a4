import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth, RequirePermission } from './RequireAuth.tsx';
import LoginPage from '../features/identity/LoginPage.tsx';

const HomePage = lazy(() => import('./HomePage.tsx'));
const NotFound = lazy(() => import('./NotFound.tsx'));
const ProductListPage = lazy(() => import('../features/master-data/product/ProductListPage.tsx'));
const ProductDetailPage = lazy(() => import('../features/master-data/product/ProductDetailPage.tsx'));
const ProductFormPage = lazy(() => import('../features/master-data/product/ProductFormPage.tsx'));
const PartyListPage = lazy(() => import('../features/master-data/party/PartyListPage.tsx'));
const PartyDetailPage = lazy(() => import('../features/master-data/party/PartyDetailPage.tsx'));
const PartyFormPage = lazy(() => import('../features/master-data/party/PartyFormPage.tsx'));
const ImportPage = lazy(() => import('../features/master-data/import/ImportPage.tsx'));
const QualificationDashboardPage = lazy(() => import('../features/qualification/DashboardPage.tsx'));
const FileListPage = lazy(() => import('../features/qualification/FileListPage.tsx'));
const FileDetailPage = lazy(() => import('../features/qualification/FileDetailPage.tsx'));
const ChangeRequestListPage = lazy(() => import('../features/qualification/ChangeRequestListPage.tsx'));
const ChangeRequestDetailPage = lazy(() => import('../features/qualification/ChangeRequestDetailPage.tsx'));
const CheckPage = lazy(() => import('../features/qualification/CheckPage.tsx'));
const RulesPage = lazy(() => import('../features/qualification/RulesPage.tsx'));
const OrderListPage = lazy(() => import('../features/purchasing/OrderListPage.tsx'));
const OrderDetailPage = lazy(() => import('../features/purchasing/OrderDetailPage.tsx'));
const OrderFormPage = lazy(() => import('../features/purchasing/OrderFormPage.tsx'));
const PurchaseRecordPage = lazy(() => import('../features/purchasing/RecordPage.tsx'));
const ReceiptListPage = lazy(() => import('../features/receiving/ReceiptListPage.tsx'));
const ReceiptFormPage = lazy(() => import('../features/receiving/ReceiptFormPage.tsx'));
const ReceiptDetailPage = lazy(() => import('../features/receiving/ReceiptDetailPage.tsx'));
const AcceptanceListPage = lazy(() => import('../features/receiving/AcceptanceListPage.tsx'));
const AcceptanceFormPage = lazy(() => import('../features/receiving/AcceptanceFormPage.tsx'));
const AcceptanceDetailPage = lazy(() => import('../features/receiving/AcceptanceDetailPage.tsx'));
const PutawayPage = lazy(() => import('../features/receiving/PutawayPage.tsx'));
const StockPage = lazy(() => import('../features/inventory/StockPage.tsx'));
const StockCardPage = lazy(() => import('../features/inventory/StockCardPage.tsx'));
const LocationsPage = lazy(() => import('../features/inventory/LocationsPage.tsx'));
const UsersPage = lazy(() => import('../features/identity/UsersPage.tsx'));
const RolesPage = lazy(() => import('../features/identity/RolesPage.tsx'));
const WebhooksPage = lazy(() => import('../features/integration/WebhooksPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));

const guard = (namespace: string, el: React.ReactNode) => <RequirePermission namespace={namespace}>{el}</RequirePermission>;
/** Guarded by one exact permission (e.g. `qualification.file.read`). */
const guardPermission = (permission: string, el: React.ReactNode) => <RequirePermission permission={permission}>{el}</RequirePermission>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'master-data', element: <Navigate to="/master-data/products" replace /> },
          { path: 'master-data/products', element: guard('master_data.product', <ProductListPage />) },
          { path: 'master-data/products/new', element: guard('master_data.product', <ProductFormPage />) },
          { path: 'master-data/products/:id', element: guard('master_data.product', <ProductDetailPage />) },
          { path: 'master-data/products/:id/edit', element: guard('master_data.product', <ProductFormPage />) },
          { path: 'master-data/products/:id/change', element: guardPermission('qualification.change_request.create', <ProductFormPage mode="change" />) },
          { path: 'master-data/parties', element: guard('master_data.party', <PartyListPage />) },
          { path: 'master-data/parties/new', element: guard('master_data.party', <PartyFormPage />) },
          { path: 'master-data/parties/:id', element: guard('master_data.party', <PartyDetailPage />) },
          { path: 'master-data/parties/:id/edit', element: guard('master_data.party', <PartyFormPage />) },
          { path: 'master-data/parties/:id/change', element: guardPermission('qualification.change_request.create', <PartyFormPage mode="change" />) },
          { path: 'master-data/import', element: guard('master_data.import', <ImportPage />) },
          { path: 'qualification', element: guardPermission('qualification.file.read', <QualificationDashboardPage />) },
          { path: 'qualification/files', element: guardPermission('qualification.file.read', <FileListPage />) },
          { path: 'qualification/files/:id', element: guardPermission('qualification.file.read', <FileDetailPage />) },
          { path: 'qualification/change-requests', element: guardPermission('qualification.change_request.read', <ChangeRequestListPage />) },
          { path: 'qualification/change-requests/:id', element: guardPermission('qualification.change_request.read', <ChangeRequestDetailPage />) },
          { path: 'qualification/check', element: guardPermission('qualification.check.read', <CheckPage />) },
          { path: 'qualification/rules', element: guardPermission('qualification.rule.read', <RulesPage />) },
          { path: 'purchasing', element: <Navigate to="/purchasing/orders" replace /> },
          { path: 'purchasing/orders', element: guardPermission('purchasing.purchase_order.read', <OrderListPage />) },
          { path: 'purchasing/orders/new', element: guardPermission('purchasing.purchase_order.create', <OrderFormPage />) },
          { path: 'purchasing/orders/:id', element: guardPermission('purchasing.purchase_order.read', <OrderDetailPage />) },
          { path: 'purchasing/orders/:id/edit', element: guardPermission('purchasing.purchase_order.update', <OrderFormPage />) },
          { path: 'purchasing/records', element: guardPermission('purchasing.purchase_record.read', <PurchaseRecordPage />) },
          { path: 'receiving', element: <Navigate to="/receiving/receipts" replace /> },
          { path: 'receiving/receipts', element: guardPermission('receiving.goods_receipt.read', <ReceiptListPage />) },
          { path: 'receiving/receipts/new', element: guardPermission('receiving.goods_receipt.create', <ReceiptFormPage />) },
          { path: 'receiving/receipts/:id', element: guardPermission('receiving.goods_receipt.read', <ReceiptDetailPage />) },
          { path: 'receiving/acceptances', element: guardPermission('receiving.acceptance.read', <AcceptanceListPage />) },
          { path: 'receiving/acceptances/new', element: guardPermission('receiving.acceptance.create', <AcceptanceFormPage />) },
          { path: 'receiving/acceptances/:id', element: guardPermission('receiving.acceptance.read', <AcceptanceDetailPage />) },
          { path: 'receiving/putaways', element: guardPermission('receiving.putaway.read', <PutawayPage />) },
          { path: 'inventory', element: <Navigate to="/inventory/stock" replace /> },
          { path: 'inventory/stock', element: guardPermission('inventory.stock.read', <StockPage />) },
          { path: 'inventory/stock-card', element: guardPermission('inventory.stock.read', <StockCardPage />) },
          { path: 'inventory/locations', element: guardPermission('inventory.stock.read', <LocationsPage />) },
          { path: 'admin/users', element: guard('identity.user', <UsersPage />) },
          { path: 'admin/roles', element: guard('identity.role', <RolesPage />) },
          { path: 'admin/webhooks', element: guard('integration.webhook', <WebhooksPage />) },
          { path: 'audit', element: guard('audit', <AuditPage />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
