import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('downloadName', () => {
  it('appends the kind as the extension, so the file opens again as the same kind', () => {
    expect(downloadName({ name: 'Order intake', kind: 'bpmn' })).toBe('Order intake.bpmn');
    expect(downloadName({ name: 'Pricing', kind: 'dmn' })).toBe('Pricing.dmn');
    expect(downloadName({ name: 'Signup', kind: 'form' })).toBe('Signup.form');
  });
});
