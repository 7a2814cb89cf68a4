import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { useState } from 'react';
import { configureApi } from '../platform/api/client.ts';
import { createQueryClient } from '../platform/api/queryClient.ts';
import { AuthProvider } from '../platform/auth/AuthContext.tsx';
import { currentLang, i18next } from '../platform/i18n/index.ts';
import { router } from './router.tsx';

// Every request carries the UI language (Accept-Language), from the very first one.
configureApi({ getLanguage: currentLang });

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

function Themed() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#0b5cad', borderRadius: 6, fontFamily: FONT },
        components: {
          Layout: { siderBg: '#0f2340', headerBg: '#ffffff', bodyBg: '#f3f5f8' },
          Menu: { darkItemBg: '#0f2340', darkSubMenuItemBg: '#0a1b33', darkItemSelectedBg: '#0b5cad' },
        },
      }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
