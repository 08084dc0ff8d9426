import type { KernelCommand } from '../runtime/commands';
import type { AdHocCommand } from './ad-hoc-sub-process';
import type { CallCommand } from './call-activity';
import type { JobCommand } from './job';
import type { MessageCommand } from './message-event';
import type { SignalCommand } from './signal-event';
import type { TimerCommand } from './timer-event';
import type { UserTaskCommand } from './user-task';

/** Every command an instance understands: the kernel's and each element kind's. */
export type Command = KernelCommand | JobCommand | UserTaskCommand | CallCommand | TimerCommand | MessageCommand | SignalCommand | AdHocCommand;
