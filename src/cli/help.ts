export const VERSION = '0.1.0';

const GENERAL = `flowdeck ${VERSION}: run BPMN processes and test scenarios on the Flowdeck engine.

Usage:
  flowdeck run <model.bpmn> [--process ID] [--variables JSON|@file] [--dmn FILE]... [--scenario FILE] [--json]
  flowdeck test <scenario files or folders...> [--json]
  flowdeck help [run|test]
  flowdeck --version

Exit codes: 0 ok, 1 incident or failed scenario, 2 bad command line, 3 bad input file or model.
Docs: docs/cli.md`;

const RUN = `flowdeck run <model.bpmn> [options]

Starts one instance and runs it until it completes or waits (at a job or user task), then prints
the final state.

Options:
  --process ID             process to start (required when the model has several)
  --variables JSON|@file   start variables: inline JSON object or @path to a JSON file
  --dmn FILE               deploy a DMN file first, for business rule tasks (repeatable)
  --scenario FILE          take model, process, variables and steps from a scenario file
  --json                   print {"state","path","active","variables","incidents"} as JSON

Exit: 0 when the run ends without an incident, 1 with an incident or a failed step, 3 bad input.`;

const TEST = `flowdeck test <scenario files or folders...> [--json]

Runs each scenario (folders: every *.scenario.json below them), checks its "expect" and prints
PASS/FAIL per scenario. A scenario file:

  { "model": "order.bpmn", "decisions": ["discount.dmn"], "process": "order", "variables": { "amount": 150 },
    "steps": [ { "complete": "Approve", "variables": { "ok": true } },
               { "fail": "Charge", "message": "card expired" },
               { "throwError": "Charge", "code": "DECLINED" } ],
    "expect": { "state": "completed", "passed": ["Approve"], "notPassed": ["Refund"],
                "variables": { "ok": true } } }

Exit: 0 all passed, 1 any failed, 3 any scenario could not be loaded.`;

/** Help text for `flowdeck help [topic]`. */
export function helpText(topic?: string): string {
  if (topic === 'run') return RUN;
  if (topic === 'test') return TEST;
  return GENERAL;
}
