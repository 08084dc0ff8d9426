import type { IdGenerator, Logger, Variables } from '../../engine';
import { messageKeyOf } from '../due';
import type { EngineHost } from '../engine-host';
import { checkVariables } from '../limits';
import type { BufferedMessage, Store } from '../store';
import type { TimerDriver } from '../time/timer-driver';
import { HostError, type HostTransaction } from '../transaction';
import { admitThrow, cutsOf, deliverMessage, deliverSignal, pollBuffer, mayHoldStartLock, releaseStartLock, type MessagePorts, type OutgoingMessage } from './deliver';
import { StartEventIndex } from './start-events';
import { MessageTxView } from './tx-view';
import type { CorrelateRequest, MessageLimits, PublishRequest, PublishResult, SignalRequest, SignalResult } from './types';

/** What {@link HostMessages} is built with (the host passes its own). */
export interface HostMessagesOptions {
  host: EngineHost;
  store: Store;
  ids: IdGenerator;
  timers: TimerDriver;
  logger?: Logger;
  limits?: MessageLimits;
}

/**
 * Messages and signals on the host (Zeebe rules; see docs/engine-semantics.md, "Messages" and
 * "Signals"): publish with buffering, time to live and de-duplication, correlate, message start
 * events, signal broadcasts and signal start events. Message and signal throw events of instances
 * are delivered in the operation that threw them. Everything it keeps is in the store.
 *
 * @example
 * await host.messages.publish({ name: 'payment received', correlationKey: 'order-7', variables: { paid: 42 }, timeToLiveMs: 60_000 });
 * await host.messages.correlate({ name: 'cancel', correlationKey: 'order-7' });   // HostError 'notFound' when nobody waits
 * await host.messages.broadcastSignal({ name: 'shutdown' });
 */
export class HostMessages {
  private readonly ports: MessagePorts;
  private readonly host: EngineHost;

  constructor(options: HostMessagesOptions) {
    this.host = options.host;
    this.ports = {
      store: options.store,
      deployments: options.host.deployments,
      starts: new StartEventIndex(options.host.deployments, options.logger),
      ids: options.ids,
      logger: options.logger,
      limits: { maxCascadeDepth: options.limits?.maxCascadeDepth ?? 32, maxThrowsPerOperation: options.limits?.maxThrowsPerOperation ?? 10_000 },
    };
    const ports = this.ports;
    const host = this.host;
    host.handleEffect('publishMessage', async (tx, _id, effect) => {
      const depth = admitThrow(tx, ports, 'message', effect.name, effect.sourceInstanceId);
      if (depth === null) return;
      // Flowdeck extension: a message throw event without a job publishes with time to live 0.
      const message = { key: ports.ids.next('message'), name: effect.name, correlationKey: effect.correlationKey ?? '', variables: effect.variables, messageId: null };
      await deliverMessage(tx, ports, message, depth);
    });
    host.handleEffect('broadcastSignal', async (tx, _id, effect) => {
      const depth = admitThrow(tx, ports, 'signal', effect.name, effect.sourceInstanceId);
      if (depth !== null) await deliverSignal(tx, ports, effect.name, effect.variables, depth);
    });
    host.handleEffect('subscriptionOpened', async (tx, instanceId, effect) => {
      if (effect.subscription.kind === 'message') await pollBuffer(tx, ports, instanceId, effect.subscription.key);
    });
    host.handleEffect('instanceCompleted', (tx, instanceId) => {
      // At once when the instance is at hand and cannot hold a lock (no message start event): every start of a short flow ends here.
      const held = tx.held(instanceId);
      if (held && !mayHoldStartLock(ports, held)) return;
      return (async () => {
        const state = held ?? (await tx.state(instanceId));
        if (mayHoldStartLock(ports, state)) await releaseStartLock(tx, ports, state);
      })();
    });
    host.handleEffect('instanceCanceled', async (tx, instanceId, effect) => {
      await tx.defaultEffect(instanceId, effect);
      await releaseStartLock(tx, ports, await tx.state(effect.instanceId));
    });
    options.timers.onDue('messageTtl', (item, now) => host.operateNow((tx) => this.expire(tx, messageKeyOf(item)), now));
  }

  /**
   * Publishes a message: it correlates at once to every waiting subscription (one per process id)
   * and message start event, then stays buffered for `timeToLiveMs` for subscriptions opened later.
   * @throws HostError `duplicate` when a message with the same name, correlation key and `messageId` is still buffered; `invalid` for a bad request.
   */
  publish(request: PublishRequest): Promise<PublishResult> {
    return this.host.operate(async (tx) => {
      const message = this.outgoing(request, 'publish');
      const ttl = request.timeToLiveMs ?? 0;
      if (!(Number.isFinite(ttl) && ttl >= 0)) throw new HostError('invalid', `publish ${message.name}: timeToLiveMs must be a number of milliseconds >= 0, not ${String(ttl)}`);
      const view = MessageTxView.of(tx, this.ports.store);
      if (message.messageId !== null) {
        const equal = (await view.buffered(message.name, message.correlationKey)).find((m) => m.messageId === message.messageId && m.expiresAt > tx.now);
        if (equal) {
          throw new HostError('duplicate', `message ${message.name} with correlation key '${message.correlationKey}' and id '${message.messageId}' was already published (${equal.key}, buffered until ${new Date(equal.expiresAt).toISOString()})`);
        }
      }
      const delivery = await deliverMessage(tx, this.ports, message, 0);
      const expiresAt = ttl > 0 ? tx.now + ttl : null;
      if (expiresAt !== null) {
        view.putMessage({ ...message, publishedAt: tx.now, expiresAt, correlatedTo: delivery.correlatedTo });
      }
      await tx.settle();
      return { messageKey: message.key, correlations: delivery.correlations, buffered: expiresAt !== null, expiresAt, blockedStarts: delivery.blockedStarts, cut: cutsOf(tx, this.ports) };
    });
  }

  /**
   * Correlates a message now or fails (Camunda's correlate-message API): never buffered.
   * @throws HostError `notFound` when no subscription and no message start event takes it.
   */
  correlate(request: CorrelateRequest): Promise<PublishResult> {
    return this.host.operate(async (tx) => {
      const message = this.outgoing({ ...request, messageId: null }, 'correlate');
      const delivery = await deliverMessage(tx, this.ports, message, 0);
      if (delivery.correlations.length === 0) {
        const blocked = delivery.blockedStarts.length > 0
          ? `; an instance started with this correlation key is still active in ${delivery.blockedStarts.join(', ')} (one per key for message start events)`
          : '';
        throw new HostError('notFound', `no subscription for message ${message.name} with correlation key '${message.correlationKey}'${blocked}`);
      }
      await tx.settle();
      return { messageKey: message.key, correlations: delivery.correlations, buffered: false, expiresAt: null, blockedStarts: delivery.blockedStarts, cut: cutsOf(tx, this.ports) };
    });
  }

  /** Broadcasts a signal to every waiting signal catcher and starts an instance of every process with a signal start event for it. */
  broadcastSignal(request: SignalRequest): Promise<SignalResult> {
    return this.host.operate(async (tx) => {
      const name = checkName(request.name, 'broadcastSignal');
      const variables = variablesOf(request.variables, `broadcastSignal ${name}`);
      const correlations = await deliverSignal(tx, this.ports, name, variables, 0);
      await tx.settle();
      return { signalKey: this.ports.ids.next('signal'), correlations, cut: cutsOf(tx, this.ports) };
    });
  }

  /** The messages in the buffer (expired ones leave it when the scheduler reaches their end). */
  listBuffered(): Promise<BufferedMessage[]> {
    return this.host.serial(() => this.ports.store.listBufferedMessages());
  }

  private async expire(tx: HostTransaction, key: string): Promise<void> {
    const view = MessageTxView.of(tx, this.ports.store);
    const message = await view.message(key);
    if (message && message.expiresAt <= tx.now) view.removeMessage(key);
  }

  private outgoing(request: PublishRequest, what: string): OutgoingMessage {
    const name = checkName(request.name, what);
    const key = request.correlationKey ?? '';
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key))) {
      throw new HostError('invalid', `${what} ${name}: the correlation key must be a string or a number, not ${JSON.stringify(key)}`);
    }
    const id = request.messageId ?? null;
    if (id !== null && (typeof id !== 'string' || id === '')) throw new HostError('invalid', `${what} ${name}: messageId must be a non-empty string`);
    return { key: this.ports.ids.next('message'), name, correlationKey: String(key), variables: variablesOf(request.variables, `${what} ${name}`), messageId: id };
  }
}

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name === '') throw new HostError('invalid', `${what}: the name must be a non-empty string, not ${JSON.stringify(name ?? null)}`);
  return name;
}

/** Variables from outside: checked for depth, size and JSON-ness (`limits.ts`), then copied. */
function variablesOf(variables: Variables | undefined, what: string): Variables {
  checkVariables(variables, `the variables of ${what}`);
  return variables === undefined ? {} : (JSON.parse(JSON.stringify(variables)) as Variables);
}
