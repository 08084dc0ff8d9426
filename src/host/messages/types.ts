import type { Variables } from '../../engine';

/** What {@link HostMessages.publish} takes (the Zeebe publish-message request). */
export interface PublishRequest {
  name: string;
  /** Matched against the key a subscription evaluated on entry. Default '' (Zeebe: empty). Numbers become text. */
  correlationKey?: string | number;
  variables?: Variables;
  /** How long the message stays buffered for subscriptions opened later. Default 0: not buffered. */
  timeToLiveMs?: number;
  /** De-duplication: a message with the same name, correlation key and id still buffered makes this one a duplicate. */
  messageId?: string | null;
}

/** What {@link HostMessages.correlate} takes: a message that must correlate now, never buffered. */
export type CorrelateRequest = Omit<PublishRequest, 'timeToLiveMs' | 'messageId'>;

/** One receiver of a message or a signal. */
export interface Correlation {
  /** `catch`: an open subscription (catch event, boundary, event subprocess start, receive task); `start`: a new instance. */
  kind: 'catch' | 'start';
  processId: string;
  processInstanceId: string;
  /** The catching element, or the start event the instance started at. */
  elementId: string;
}

/** A message or signal thrown inside an operation that the cascade limits kept from being delivered. */
export interface CascadeCut {
  type: 'message' | 'signal';
  name: string;
  /** The instance whose throw event it came from. */
  sourceInstanceId: string;
  reason: string;
}

export interface PublishResult {
  messageKey: string;
  /** Every receiver, in the order it got the message. */
  correlations: Correlation[];
  /** The message stays in the buffer until `expiresAt` (time to live > 0). */
  buffered: boolean;
  expiresAt: number | null;
  /** Processes with a message start event for it that did not start: an instance started with this correlation key is active. */
  blockedStarts: string[];
  /** Throws of this operation's cascade that were not delivered (see {@link MessageLimits}). */
  cut: CascadeCut[];
}

export interface SignalRequest {
  name: string;
  variables?: Variables;
}

export interface SignalResult {
  signalKey: string;
  /** Waiting catchers triggered, then instances started by signal start events. */
  correlations: Correlation[];
  cut: CascadeCut[];
}

/**
 * Bounds on message and signal cascades inside one operation (a signal ping-pong between two
 * processes would otherwise never end). A throw past a bound is not delivered; it is logged and
 * listed in the `cut` of the operation's result.
 */
export interface MessageLimits {
  /** Throw events set off by deliveries of throw events, in a chain. Default 32. */
  maxCascadeDepth?: number;
  /** Message and signal throws delivered in one operation. Default 10,000. */
  maxThrowsPerOperation?: number;
}
