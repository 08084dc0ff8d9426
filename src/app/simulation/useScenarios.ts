import { useEffect, useState } from 'react';
import { parseBpmn } from '../../engine';
import { readScenarios, ScenarioError } from '../../simulation';
import type { Scenario } from '../../simulation';
import { outline } from './draft';
import type { ModelOutline } from './draft';

export type ScenariosState =
  | { status: 'loading' }
  | { status: 'error'; message: string; outline: ModelOutline | null }
  | { status: 'ready'; scenarios: Scenario[]; outline: ModelOutline };

/** The file's BPSim scenarios and outline, re-read whenever its content changes. */
export function useScenarios(xml: string): ScenariosState {
  const [state, setState] = useState<ScenariosState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      let o: ModelOutline | null = null;
      try {
        const { definitions } = await parseBpmn(xml);
        o = outline(definitions);
        const scenarios = readScenarios(definitions);
        if (live) setState({ status: 'ready', scenarios, outline: o });
      } catch (error) {
        const message = error instanceof ScenarioError ? `The scenarios of this model cannot be read: ${error.message}` : `This file cannot be read as BPMN: ${(error as Error).message}`;
        if (live) setState({ status: 'error', message, outline: o });
      }
    })();
    return () => { live = false; };
  }, [xml]);
  return state;
}
