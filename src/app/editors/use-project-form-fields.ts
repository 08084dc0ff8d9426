import { liveQuery } from 'dexie';
import { useEffect, useRef } from 'react';
import { getFile, listFiles } from '../../store';
import { formFieldsOf } from '../scripts/script-scope';
import { db } from '../workspace/db';

type FormFields = (ref: { formId?: string; formKey?: string }) => readonly string[] | undefined;

/**
 * A stable `formFields` lookup (for `variablesInScope`) over the forms of the project that holds
 * `fileId`, kept current while the forms are edited: the modeler is created once, so it gets a
 * function that reads the latest forms rather than a snapshot. Answers `undefined` (form unknown)
 * until the forms are read.
 *
 * @example
 * ```ts
 * const formFields = useProjectFormFields(fileId);
 * createBpmnModeler({ container, propertiesParent, scope: { formFields } });
 * ```
 */
export function useProjectFormFields(fileId: string): FormFields {
  const current = useRef<FormFields>(() => undefined);
  const stable = useRef<FormFields>((ref) => current.current(ref));
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const file = await getFile(db, fileId);
      if (!file) return [];
      return (await listFiles(db, file.projectId)).filter((f) => f.kind === 'form').map((f) => f.content);
    }).subscribe({
      next: (forms) => {
        current.current = formFieldsOf(forms);
      },
      // A store that cannot be read offers no form fields; the editor still works without them.
      error: () => {
        current.current = () => undefined;
      },
    });
    return () => subscription.unsubscribe();
  }, [fileId]);
  return stable.current;
}
