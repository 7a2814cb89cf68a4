import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import type { SignaturePayload } from '../../platform/signature/types.ts';
import { indexBySubject, localToday } from './model.ts';
import type { ChangeRequest, ChangeTarget, CheckResult, ExpiryOverview, FileAction, FileKind, InboxItem, QualificationFile, RuleVersion } from './types.ts';

export const QUAL_PERMS = {
  fileRead: 'qualification.file.read',
  fileCreate: 'qualification.file.create',
  changeRead: 'qualification.change_request.read',
  changeCreate: 'qualification.change_request.create',
  checkRead: 'qualification.check.read',
  ruleRead: 'qualification.rule.read',
  rulePublish: 'qualification.rule.publish',
  inboxRead: 'platform.approval_inbox.read',
} as const;

export const qualKeys = {
  all: ['qualification'] as const,
  files: (filter: FileFilter) => ['qualification', 'files', filter] as const,
  file: (id: string) => ['qualification', 'file', id] as const,
  expiry: (days: number) => ['qualification', 'expiry', days] as const,
  changes: (filter: ChangeFilter) => ['qualification', 'changes', filter] as const,
  change: (id: string) => ['qualification', 'change', id] as const,
  rules: ['qualification', 'rules'] as const,
  inbox: ['qualification', 'inbox'] as const,
};

export interface FileFilter {
  kind?: FileKind;
  status?: string;
  subjectId?: string;
}

export interface ChangeFilter {
  targetId?: string;
  status?: string;
}

/** Qualification data feeds every master-data screen: invalidate it together with master data. */
export function useInvalidateQualification() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: qualKeys.all }),
      qc.invalidateQueries({ queryKey: ['master-data'] }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
      qc.invalidateQueries({ queryKey: ['home'] }),
    ]);
  };
}

export function useQualificationFiles(filter: FileFilter = {}, enabled = true) {
  return useQuery({
    queryKey: qualKeys.files(filter),
    queryFn: ({ signal }) => api.get<{ items: QualificationFile[]; total: number }>('/qualification/files', { ...filter }, { signal }),
    enabled,
  });
}

export function useQualificationFile(id: string | undefined) {
  return useQuery({
    queryKey: qualKeys.file(id ?? ''),
    queryFn: ({ signal }) => api.get<QualificationFile>(`/qualification/files/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useCreateFile() {
  const invalidate = useInvalidateQualification();
  return useMutation({
    mutationFn: (body: { kind: FileKind; subjectId: string; note?: string | null; reason?: string }) => api.post<{ id: string; number: string }>('/qualification/files', body),
    onSuccess: async () => invalidate(),
  });
}

export type FileActionRequest =
  | { action: 'submit'; body: { reason?: string } }
  | { action: 'lock'; body: { reason: string } }
  | { action: 'review' | 'approve' | 'reject' | 'reinstate'; body: SignaturePayload };

export function useFileAction(id: string) {
  const invalidate = useInvalidateQualification();
  return useMutation({
    mutationFn: (req: FileActionRequest) =>
      api.post<unknown>(`/qualification/files/${encodeURIComponent(id)}/${req.action satisfies FileAction}`, req.body, {
        // A wrong signing password is a 401 that must not end the session.
        skipAuthRedirect: req.action !== 'submit' && req.action !== 'lock',
      }),
    onSuccess: async () => invalidate(),
  });
}

export function useExpiry(days = 90, enabled = true) {
  return useQuery({
    queryKey: qualKeys.expiry(days),
    queryFn: ({ signal }) => api.get<ExpiryOverview>('/qualification/expiry', { days }, { signal }),
    enabled,
  });
}

/**
 * Qualification state of every subject, for list badges: all files and the 90-day expiry list,
 * each fetched once and joined client-side by subject id. Inactive without `qualification.file.read`.
 */
export function useQualificationIndex() {
  const { can } = useAuth();
  const enabled = can(QUAL_PERMS.fileRead);
  const files = useQualificationFiles({}, enabled);
  const expiry = useExpiry(90, enabled);
  const index = useMemo(
    () => (files.data && expiry.data ? indexBySubject(files.data.items, expiry.data.items) : undefined),
    [files.data, expiry.data],
  );
  return { enabled, index, today: expiry.data?.today, loading: enabled && (files.isPending || expiry.isPending), error: files.error ?? expiry.error };
}

/**
 * The business date the server uses for expiry and checks (`today` of the expiry overview), so that
 * badges count the same days as the server; the browser's date until it is known or without access.
 */
export function useBusinessToday(): string {
  const { can } = useAuth();
  const expiry = useExpiry(90, can(QUAL_PERMS.fileRead));
  return expiry.data?.today ?? localToday();
}

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: qualKeys.inbox,
    queryFn: ({ signal }) => api.get<{ items: InboxItem[] }>('/approvals/inbox', undefined, { signal }),
    enabled,
    staleTime: 0,
  });
}

export function useChangeRequests(filter: ChangeFilter = {}, enabled = true) {
  return useQuery({
    queryKey: qualKeys.changes(filter),
    queryFn: ({ signal }) => api.get<{ items: ChangeRequest[] }>('/qualification/change-requests', { ...filter }, { signal }),
    enabled,
  });
}

export function useChangeRequest(id: string | undefined) {
  return useQuery({
    queryKey: qualKeys.change(id ?? ''),
    queryFn: ({ signal }) => api.get<ChangeRequest>(`/qualification/change-requests/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useCreateChangeRequest() {
  const invalidate = useInvalidateQualification();
  return useMutation({
    mutationFn: (body: { target: ChangeTarget; targetId: string; changes: Record<string, unknown>; reason: string }) =>
      api.post<{ id: string; number: string }>('/qualification/change-requests', body),
    onSuccess: async () => invalidate(),
  });
}

export type ChangeActionRequest =
  | { action: 'submit'; body: { reason?: string } }
  | { action: 'approve' | 'reject'; body: SignaturePayload };

export function useChangeRequestAction(id: string) {
  const invalidate = useInvalidateQualification();
  return useMutation({
    mutationFn: (req: ChangeActionRequest) =>
      api.post<unknown>(`/qualification/change-requests/${encodeURIComponent(id)}/${req.action}`, req.body, { skipAuthRedirect: req.action !== 'submit' }),
    onSuccess: async () => invalidate(),
  });
}

export function useCheck(params: { productId?: string; supplierId?: string; customerId?: string; date?: string } | null) {
  return useQuery({
    queryKey: ['qualification', 'check', params],
    queryFn: ({ signal }) => api.get<CheckResult>('/qualification/check', { ...params }, { signal }),
    enabled: !!params?.productId && !!(params.supplierId || params.customerId),
    staleTime: 0,
  });
}

export function useRules(enabled = true) {
  return useQuery({
    queryKey: qualKeys.rules,
    queryFn: ({ signal }) => api.get<{ items: RuleVersion[] }>('/qualification/rules', undefined, { signal }),
    enabled,
  });
}

export interface PublishRuleBody {
  ruleKey: string;
  region: string;
  enabled: boolean;
  params: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export function usePublishRule() {
  const invalidate = useInvalidateQualification();
  return useMutation({
    mutationFn: (body: PublishRuleBody & SignaturePayload) => api.post<{ id: string; version: number }>('/qualification/rules', body, { skipAuthRedirect: true }),
    onSuccess: async () => invalidate(),
  });
}
