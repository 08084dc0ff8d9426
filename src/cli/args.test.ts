import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { UsageError } from './errors';

describe('parseArgs', () => {
  it('given run with every option, then all are parsed', () => {
    expect(parseArgs(['run', 'm.bpmn', '--process', 'P1', '--variables={"a":1}', '--json'])).toEqual({
      command: 'run', model: 'm.bpmn', process: 'P1', variables: '{"a":1}', scenario: undefined, dmn: [], json: true,
    });
  });

  it('given --dmn twice, then both files are kept in order', () => {
    expect(parseArgs(['run', 'm.bpmn', '--dmn', 'a.dmn', '--dmn=b.dmn'])).toMatchObject({ dmn: ['a.dmn', 'b.dmn'] });
  });

  it('given run --scenario without a model, then the model comes from the scenario later', () => {
    expect(parseArgs(['run', '--scenario', 's.json'])).toMatchObject({ command: 'run', model: undefined, scenario: 's.json', json: false });
  });

  it('given test with files and folders, then they are the paths', () => {
    expect(parseArgs(['test', 'a.scenario.json', 'docs/examples/', '--json'])).toEqual({ command: 'test', paths: ['a.scenario.json', 'docs/examples/'], json: true });
  });

  it('given --, then what follows is positional even if it looks like an option', () => {
    expect(parseArgs(['run', '--', '--weird.bpmn'])).toMatchObject({ model: '--weird.bpmn' });
  });

  it('given no arguments, --help or -h anywhere, then help is requested', () => {
    expect(parseArgs([])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['run', 'x', '--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['deploy'], /deploy needs --camunda/],
    [['pack', 'folder', '-o', 'a.flowdeck', '-x'], /unknown option "-x" for pack/],
    [['check'], /check takes one archive, got 0/],
    [['run', 'm.bpmn', '--verbose'], /unknown option "--verbose" for run \(known: --process, --variables, --scenario, --dmn, --json, --log\)/],
    [['run', 'm.bpmn', '--process'], /option --process needs a value/],
    [['run', 'm.bpmn', '--process', '--json'], /option --process needs a value/],
    [['run', 'm.bpmn', '--json=yes'], /takes no value/],
    [['run', 'a.bpmn', 'b.bpmn'], /run takes one model file, got 2/],
    [['run'], /run needs a model file/],
    [['test'], /test needs at least one scenario/],
    [['run', 'm.bpmn', '--json', '--json'], /given twice/],
  ])('given %j, then a UsageError explains it', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
