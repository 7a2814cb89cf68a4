import { useState, useEffect, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { buildUrl } from '../../../platform/api/client.ts';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../platform/problem/ProblemAlert.tsx';
import { RECORD_STATUSES } from '../../../platform/status/status.ts';
import { listParamsFromSearch, nextSearch } from './listParams.ts';
import type { ListParams, ListResult, MasterRecord } from './types.ts';

interface MasterListProps<T extends MasterRecord> {
  kind: string;
  title: string;
  intro: string;
  searchPlaceholder: string;
  newLabel: string;
  newPath: string;
  canCreate: boolean;
  columns: TableColumnsType<T>;
  /** XLSX export of the current search and status filter (GET <exportPath>?q=&status=). */
  exportPath?: string;
  /** More buttons in the title bar (e.g. 导入). */
  extraActions?: ReactNode;
  /** Shown above the table (e.g. a qualification loading error). */
  notice?: ReactNode;
  useList: (p: ListParams) => {
    data?: ListResult<T>;
    isPending: boolean;
    isFetching: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
}

/** Searchable, status-filterable, server-paginated list of master records. */
export function MasterList<T extends MasterRecord>(props: MasterListProps<T>) {
  const { kind, title, intro, searchPlaceholder, newLabel, newPath, canCreate, columns, useList, exportPath, extraActions, notice } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = listParamsFromSearch(search);
  const { page, ...apiParams } = params;
  const q = useList(apiParams);
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);

  return (
    <Card className="page-card" data-testid={`${kind}-list`}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ maxWidth: 760 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{intro}</Typography.Text>
        </div>
        <Space wrap>
          {exportPath && (
            <a href={buildUrl(exportPath, { q: params.q, status: params.status })} download data-testid={`${kind}-export`}>
              <Button icon={<DownloadOutlined />}>{t('io.exportExcel')}</Button>
            </a>
          )}
          {extraActions}
          {canCreate && (
            <Link to={newPath}>
              <Button type="primary" icon={<PlusOutlined />} data-testid={`${kind}-new`}>
                {newLabel}
              </Button>
            </Link>
          )}
        </Space>
      </Flex>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setSearch(nextSearch(search, { q: v || null }))}
          placeholder={searchPlaceholder}
          style={{ width: 380, maxWidth: '100%' }}
          data-testid={`${kind}-search`}
          enterButton
        />
        <Select
          allowClear
          value={params.status}
          placeholder={t('status.filterPlaceholder')}
          style={{ width: 160 }}
          onChange={(v?: string) => setSearch(nextSearch(search, { status: v ?? null }))}
          options={RECORD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid={`${kind}-status-filter`}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending} data-testid={`${kind}-refresh`}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {q.isError && <ProblemAlert error={q.error} testId={`${kind}-list-error`} style={{ marginBottom: 16 }} />}
      {notice}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={q.isPending || q.isFetching}
        columns={columns}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid={`${kind}-table`}
        pagination={{
          current: page,
          pageSize: params.limit,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => setSearch(nextSearch(search, size !== params.limit ? { size, page: 1 } : { page: p })),
        }}
      />
    </Card>
  );
}
