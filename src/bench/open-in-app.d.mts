import type { Page } from '@playwright/test';

export function openBpmnInApp(page: Page, url: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
