import { continueAsync } from './async';
import type { KernelCommand } from './commands';
import { CommandRejectedError } from './commands';
import type { Step } from './step';
import { setAll } from './variables';
import { closeWaits } from './waits';

/**
 * Applies a command to the step's working state; the step then runs to the next wait state.
 * Kernel commands are handled here; every other command belongs to an element kind and is looked
 * up in the registry the process was compiled with.
 */
export function applyCommand(step: Step, command: { type: string }): void {
  const kernel = KERNEL[command.type as KernelCommand['type']] as ((step: Step, c: KernelCommand) => void) | undefined;
  if (kernel) {
    kernel(step, command as KernelCommand);
    return;
  }
  const handler = step.process.registry.commands[command.type];
  if (!handler) throw new CommandRejectedError('invalid', `unknown command ${JSON.stringify(command.type)}`);
  handler(step, command);
}

type Handlers = { [K in KernelCommand['type']]: (step: Step, command: Extract<KernelCommand, { type: K }>) => void };

const KERNEL: Handlers = {
  cancel(step) {
    const s = step.state;
    step.terminateScope(null);
    closeWaits(step, undefined);
    s.status = 'canceled';
    s.endedAt = step.now;
    step.emit({ type: 'instanceCanceled' });
    step.effect({ type: 'instanceCanceled', instanceId: s.instanceId });
  },
  suspend(step) {
    if (step.state.suspended) return;
    step.state.suspended = true;
    step.emit({ type: 'instanceSuspended' });
  },
  resume(step) {
    if (!step.state.suspended) return;
    step.state.suspended = false;
    step.emit({ type: 'instanceResumed' });
    // Variables may have changed while it was suspended (setVariables is allowed then).
    step.recheckAll();
  },
  setVariables(step, command) {
    const scopeId = command.scopeId ?? null;
    if (scopeId !== null && !step.state.elements[scopeId]) throw new CommandRejectedError('notFound', `no element instance ${scopeId}`);
    setAll(step, scopeId, command.variables, command.local === true || scopeId === null);
  },
  resolveIncident(step, command) {
    const s = step.state;
    const incident = s.incidents[command.incidentId];
    if (!incident) throw new CommandRejectedError('notFound', `no open incident ${command.incidentId}`);
    if (incident.retry === 'wait') {
      // A wait whose condition failed: evaluate it again (its cause fixed with setVariables first).
      step.dropIncident(incident);
      const wait = incident.waitKey !== undefined ? s.subscriptions[incident.waitKey] : undefined;
      if (wait) {
        delete wait.incidentId;
        step.recheck(wait.key);
      }
      return;
    }
    const ei = s.elements[incident.elementInstanceId];
    step.dropIncident(incident);
    if (!ei) return;
    if (incident.retry === 'activate' || incident.retry === 'complete') step.retry(ei, incident.retry);
    else {
      const node = step.node(ei.elementId);
      if (!node.behaviour.resolveIncident) throw new CommandRejectedError('invalid', `${node.id} cannot retry a ${incident.retry} incident`);
      node.behaviour.resolveIncident(step, ei, node, incident, command.retries);
    }
    if (incident.deferred) step.resumeDeferred(incident.deferred);
  },
  continueAsync,
};
