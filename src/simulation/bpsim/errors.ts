/** Bad simulation input: a BPSim parameter, a calendar, a probability. The message names the scenario, element and parameter. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}
