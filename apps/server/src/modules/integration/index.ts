import type { ModuleDefinition } from '../../platform/module.ts';
import { webhookCommands, webhookQueries } from './webhook/webhook.commands.ts';

export const integrationModule: ModuleDefinition = {
  name: 'integration',
  commands: webhookCommands,
  queries: webhookQueries,
  routes: [
    { method: 'GET', path: '/integration/webhooks', query: 'integration.webhook.list', tag: 'integration' },
    { method: 'POST', path: '/integration/webhooks', command: 'integration.webhook.create', status: 201, tag: 'integration' },
    { method: 'POST', path: '/integration/webhooks/:id/deactivate', command: 'integration.webhook.deactivate', tag: 'integration' },
    { method: 'GET', path: '/integration/webhook-deliveries', query: 'integration.webhook_delivery.list', tag: 'integration' },
    { method: 'POST', path: '/integration/webhook-deliveries/:id/retry', command: 'integration.webhook_delivery.retry', tag: 'integration' },
  ],
};
