/**
 * Reusable scan field: an Ant Design Input that parses UDI scans (GS1 element
 * strings with symbology identifiers, bracketed HRI, Digital Link, MA, HIBCC,
 * ICCBBA) while the scanner types — after a short pause or on Enter — and shows
 * the parsed fields or the error in the user's language (GS1-05, CN-UDI-01/03).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '@custodia/gs1';
import { describeScan, languageOf } from './scan-display';

export interface ScanFieldProps {
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  /** Called once per successful parse. */
  readonly onParsed?: (result: ParseResult) => void;
  /** Character(s) a keyboard-wedge scanner sends instead of GS (ASCII 29), e.g. "~" or "|". */
  readonly gsSubstitute?: string;
  readonly placeholder?: string;
  /** Pause after the last keystroke before parsing; scanners type faster than this. */
  readonly debounceMs?: number;
}

const DEFAULT_PLACEHOLDER = { zh: '扫描或输入 UDI 条码', en: 'Scan or type a UDI barcode' };
const EMPTY_TEXT = { zh: '等待扫描', en: 'Waiting for a scan' };
const POSITION_TEXT = { zh: '位置', en: 'position' };

export function ScanField({ value, onChange, onParsed, gsSubstitute, placeholder, debounceMs = 250 }: ScanFieldProps) {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [ownValue, setOwnValue] = useState(value ?? '');
  const text = value ?? ownValue;
  const [settled, setSettled] = useState(text);

  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, debounceMs]);

  const display = useMemo(
    () => describeScan(settled, gsSubstitute ? { gsSubstitute } : {}, language),
    [settled, gsSubstitute, language],
  );

  const notified = useRef<ParseResult | null>(null);
  useEffect(() => {
    if (display.status === 'ok' && notified.current !== display.result) {
      notified.current = display.result;
      onParsed?.(display.result);
    }
  }, [display, onParsed]);

  const change = (next: string) => {
    setOwnValue(next);
    onChange?.(next);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input
        value={text}
        placeholder={placeholder ?? DEFAULT_PLACEHOLDER[language]}
        status={display.status === 'error' ? 'error' : undefined}
        allowClear
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => change(e.target.value)}
        onPressEnter={() => setSettled(text)}
      />
      {display.status === 'empty' && <Typography.Text type="secondary">{EMPTY_TEXT[language]}</Typography.Text>}
      {display.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={display.message}
          description={`${display.code} · ${POSITION_TEXT[language]} ${display.position}`}
        />
      )}
      {display.status === 'ok' && (
        <Descriptions
          size="small"
          bordered
          column={1}
          title={<Tag color="blue">{display.schemeLabel}</Tag>}
          items={display.rows.map((row) => ({ key: row.key, label: row.label, children: row.value }))}
        />
      )}
    </Space>
  );
}

export default ScanField;
