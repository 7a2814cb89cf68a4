import { lazy, Suspense, useState } from 'react';
import { App, Button, Modal, Spin, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '@custodia/gs1';
import { diFromScan } from './scan.ts';

// The GS1 parser is only needed when someone scans: keep it out of the form's chunk.
const ScanField = lazy(() => import('../../../platform/scan/ScanField.tsx'));

/** 扫码填入: scan a UDI (GS1, Digital Link, …) and take its DI into the form. */
export function UdiScanButton({ onDi, disabled, testId }: { onDi: (di: string, result: ParseResult) => void; disabled?: boolean; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<ParseResult | null>(null);

  const accept = () => {
    if (!last) return;
    const di = diFromScan(last);
    if (!di) {
      void message.warning(t('product.scan.noGtin'));
      return;
    }
    onDi(di, last);
    setOpen(false);
  };

  return (
    <>
      <Button icon={<ScanOutlined />} disabled={disabled} onClick={() => { setLast(null); setOpen(true); }} data-testid={testId}>
        {t('product.scan.button')}
      </Button>
      <Modal
        open={open}
        title={t('product.scan.title')}
        onCancel={() => setOpen(false)}
        onOk={accept}
        okText={t('product.scan.use')}
        okButtonProps={{ disabled: !last, 'data-testid': `${testId}-use` } as never}
        destroyOnHidden
        width={620}
      >
        <Typography.Paragraph type="secondary">{t('product.scan.intro')}</Typography.Paragraph>
        <Suspense fallback={<Spin />}>
          <ScanField onParsed={setLast} />
        </Suspense>
      </Modal>
    </>
  );
}
