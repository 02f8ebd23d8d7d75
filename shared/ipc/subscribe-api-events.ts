import type { AppServices } from './app-services';
import { encodeBigints } from './codec';
import { API_EVENTS, type ApiEvent, type ApiEventPayload, type Unsubscribe } from './contract';

/** Sends one pushed event to the views (Electron: `webContents.send`; web host: every socket). */
export type EmitApiEvent = <E extends ApiEvent>(event: E, channel: (typeof API_EVENTS)[E]['channel'], payload: ApiEventPayload<E>) => void;

/**
 * Forwards the services' reports and progress to the views in their wire form (report encoded with
 * `encodeBigints`). Returns one function that stops both subscriptions.
 */
export function subscribeApiEvents<TReport extends object>(services: AppServices<TReport>, emit: EmitApiEvent): Unsubscribe {
  const offReport = services.onReport((report) => {
    const payload = API_EVENTS.report.payload.parse(encodeBigints(report));
    emit('report', API_EVENTS.report.channel, payload);
  });
  const offProgress = services.onProgress((progress) => {
    emit('progress', API_EVENTS.progress.channel, API_EVENTS.progress.payload.parse(progress));
  });
  return () => {
    offReport();
    offProgress();
  };
}
