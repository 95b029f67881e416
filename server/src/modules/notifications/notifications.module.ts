import { defineModule } from '../../platform/modules/module.js';
import { notificationsRoutes } from './notifications.routes.js';
import { createNotificationsService, type NotificationsService } from './notifications.service.js';
import { needEventsSubscriber } from './notifications.subscriber.js';
import './notifications.messages.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    notifications: NotificationsService;
  }
}

export const notificationsModule = defineModule({
  name: 'notifications',
  uses: ['accounts', 'needs'],
  create: (deps) => createNotificationsService(deps),
  routes: notificationsRoutes,
  // every change to an order reaches the inboxes of the people it concerns
  wire: (self, { events, needs }) => events.subscribe(needEventsSubscriber({ needs, notify: self.notify })),
});
