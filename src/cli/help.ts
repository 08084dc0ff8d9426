export const VERSION = '0.1.0';

const GENERAL = `flowdeck ${VERSION}: run BPMN processes and test scenarios on the Flowdeck engine.

Usage:
  flowdeck run <model.bpmn> [--process ID] [--variables JSON|@file] [--dmn FILE]... [--scenario FILE] [--json] [--log out.xes|out.jsonocel]
  flowdeck test <scenario, CPT or DMN test files, folders or .flowdeck archives...> [--json]
  flowdeck test --format cpt <scenario files or folders...> [--out FILE]
  flowdeck simulate <model.bpmn> [--scenario ID] [--instances N] [--seed S] [--json] [--log out.csv|out.xes] [--prosimos scenario.json]
  flowdeck pack <folder> -o <archive.flowdeck> [--project NAME] [--created-by WHO]
  flowdeck unpack <archive.flowdeck> <new folder>
  flowdeck check <archive.flowdeck> [--json]
  flowdeck export --camunda <archive|folder> <out folder> [--camunda-version 8.x] [--force]
  flowdeck deploy --camunda <cluster url> <archive|folder> [--tenant ID] [--camunda-version 8.x] [--force]
  flowdeck serve [folder or archive.flowdeck] [--port 8080] [--db flowdeck.sqlite] [--host 127.0.0.1]
  flowdeck log <file.xes|file.xes.gz|file.jsonocel|file.csv> [--object-type T] [--model model.bpmn] [--to out.xes|out.jsonocel|out.csv] [--columns ...] [--json]
  flowdeck help [run|test|simulate|log|archive|serve]
  flowdeck --version

Exit codes: 0 ok, 1 incident or failed scenario, 2 bad command line, 3 bad input file or model.
Docs: docs/cli.md`;

const RUN = `flowdeck run <model.bpmn> [options]

Starts one instance and runs it until it completes or waits (at a job, a user task, a message,
a timer), then prints the final state. The clock is virtual: it starts now (or at the scenario's
"clock") and only scenario steps move it.

Options:
  --process ID             process to start (required when the model has several)
  --variables JSON|@file   start variables: inline JSON object or @path to a JSON file
  --dmn FILE               deploy a DMN file first, for business rule tasks (repeatable)
  --scenario FILE          take model, process, variables and steps from a scenario file
  --json                   print {"state","path","active","variables","incidents"} as JSON
  --log FILE               write the run's history as an event log: .xes (IEEE 1849) or .jsonocel (OCEL 2.0)

Exit: 0 when the run ends without an incident, 1 with an incident or a failed step, 3 bad input.`;

const TEST = `flowdeck test <scenario, CPT or DMN test files, folders or .flowdeck archives...> [--json]
flowdeck test --format cpt <scenario files or folders...> [--out FILE]

Runs each scenario and each Camunda Process Test (CPT) JSON test case, prints PASS/FAIL per
scenario or case. Folders: every *.scenario.json below them, and every other *.json file that
holds {"testCases": [...]}. A file is told apart by content: with "testCases" it is CPT, and runs
against every .bpmn and .dmn in its own folder, each case on a fresh engine and clock.
DMN decision tests: every *-test-NN.xml (the DMN TCK's test-case format) runs against the .dmn of
the same base name beside it. A .flowdeck archive is checked, unpacked to a temporary folder and
tested as a folder.

A scenario runs on a virtual clock starting at "clock" (ISO date-time; default: now):

  { "model": "order.bpmn", "decisions": ["discount.dmn"], "process": "order", "clock": "2026-04-27T09:00:00Z",
    "variables": { "amount": 150, "orderId": "o-7" },
    "steps": [ { "complete": "Approve", "variables": { "ok": true } },
               { "fail": "Charge", "message": "card expired", "retries": 0 },
               { "throwError": "Charge", "code": "DECLINED" },
               { "publish": "payment received", "key": "o-7", "variables": { "paid": 42 }, "ttl": "PT1H", "messageId": "p-1" },
               { "signal": "dispatch", "variables": {} },
               { "advance": "PT1H" },
               { "fetchAndComplete": "pack", "variables": { "packed": true } },
               { "cancel": true } ],
    "expect": { "state": "completed", "passed": ["Approve"], "notPassed": ["Refund"],
                "variables": { "ok": true } } }

--format cpt writes the scenarios as one CPT document (stdout, or --out FILE) instead of running
them; fail and cancel steps have no CPT instruction and stop the conversion.

Exit: 0 all passed, 1 any failed, 3 any scenario or case could not be loaded.`;

const SIMULATE = `flowdeck simulate <model.bpmn> [options]

Runs a BPSim scenario stored in the model (bpmn:relationship type="BPSimData") on the engine, on a
virtual clock: arrivals, processing times, resources with calendars, costs and branch
probabilities as the scenario says; conditions, scripts, decisions and timers as the model says.
Prints cycle, processing, waiting and idle time, cost, per-element and per-resource figures (mean,
median, p90, 95% confidence interval over the replications) and names the bottlenecks.

Options:
  --scenario ID          the scenario to run (default: the first)
  --instances N          instances per start event and replication (overrides TriggerCount)
  --seed S               random seed (default: the scenario's); the same seed gives the same run
  --replications R       replications (default: the scenario's)
  --dmn FILE             deploy a DMN file first, for business rule tasks (repeatable)
  --bpmn FILE            another BPMN file whose processes call activities start (repeatable;
                         they run on the model's own times)
  --json                 print one object: {"scenario","seed","replications","instances","process","elements","resources"}
  --log FILE             write the simulated log: .csv (Prosimos columns) or .xes (IEEE 1849)
  --prosimos FILE        import a Prosimos JSON scenario into the model as a BPSim scenario and run
                         it (times in seconds; --instances sets its TriggerCount, default 100);
                         what Prosimos does that is not simulated here is listed on stderr
  --save-model FILE      with --prosimos: also write the model with the imported scenario

Parameters the simulator does not simulate are listed on stderr (they stay in the model).
Exit: 0 done, 1 an instance hit an incident, 2 bad command line, 3 bad model or scenario.`;

const ARCHIVE = `flowdeck pack | unpack | check | export --camunda | deploy --camunda

  pack <folder> -o <archive>   models, forms, scenarios and tests below the folder in one .flowdeck archive
  unpack <archive> <folder>    check everything (hashes, hostile entries, models, references), then write
                               the folder in one rename; a refused archive writes nothing
  check <archive> [--json]     validate only; each reason names the entry (and element)
  export --camunda <src> <out> a Camunda 8 process application folder, after the camunda-compat check
  deploy --camunda <url> <src> POST /v2/deployments (all or nothing); credentials from CAMUNDA_CLIENT_ID,
                               CAMUNDA_CLIENT_SECRET, CAMUNDA_OAUTH_URL or CAMUNDA_BASIC_AUTH_USERNAME/_PASSWORD

Elements Camunda 8 would not run stop export and deploy unless --force. Format: docs/archive-format.md.
Exit: 0 ok, 1 refused (check, Camunda check or cluster), 2 bad command line, 3 bad input.`;
const SERVE = `flowdeck serve [folder or archive.flowdeck] [options]

Starts the Flowdeck server: the engine behind an HTTP API (docs/server.md) on an embedded SQLite
database. Deploys every .bpmn, .dmn and .form file of the folder, or of the .flowdeck archive
(validated first), all or nothing; files identical to their latest deployment are skipped, so a
restart adds no versions. Configuration comes from FLOWDECK_* environment
variables and .env files (docs/server.md lists each); the options below override them.
FLOWDECK_ADMIN_USER and FLOWDECK_ADMIN_PASSWORD create the first administrator.

Options:
  --port N        port to listen on (FLOWDECK_PORT, default 8080; 0 picks a free one)
  --db FILE       SQLite database file (FLOWDECK_DB, default flowdeck.sqlite)
  --host ADDR     address to listen on (FLOWDECK_HOST, default 127.0.0.1)

Stops gracefully on SIGTERM or SIGINT. Exit: 0 stopped, 2 bad command line, 3 bad configuration or model.`;
const LOG = `flowdeck log <file> [options]

Reads an event log and prints a summary: cases, events, events per activity, first and last time.
Formats: XES (IEEE 1849; .xes, also gzipped .xes.gz), OCEL 2.0 JSON (.jsonocel, .json), CSV with
the columns case_id, activity, start_time, end_time, resource (each row: a start and a complete
event). A file that is not a valid log is refused naming the line (XES, CSV) or JSON path (OCEL).

Options:
  --object-type T        OCEL: the object type to follow as the case (default: the type most events relate to)
  --model model.bpmn     match activities to the model's elements, by id or by name
  --to FILE              convert: .xes, .jsonocel or .csv (CSV keeps start and complete events only)
  --columns MAPPING      CSV with other column names: case=...,activity=...,start=...,end=...,resource=...
  --json                 print one object: {"format","cases","events","activities","start","end"}
                         (+ "matched": {activity: elementId}, "unmatched": [activity] with --model)

Exit: 0 done, 2 bad command line, 3 a file that is not a valid log or model.`;

/** Help text for `flowdeck help [topic]`. */
export function helpText(topic?: string): string {
  if (topic === 'run') return RUN;
  if (topic === 'test') return TEST;
  if (topic === 'simulate') return SIMULATE;
  if (topic === 'archive' || ['pack', 'unpack', 'check', 'export', 'deploy'].includes(topic ?? '')) return ARCHIVE;
  if (topic === 'serve') return SERVE;
  if (topic === 'log') return LOG;
  return GENERAL;
}
