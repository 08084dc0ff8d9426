import { useEffect, useState } from 'react';
import { parseBpmn } from '../../engine/model/parse';
import { variablesInScope, type VariableInScope } from '../../engine/model/variables-in-scope';
import { getFile, listFiles } from '../../store';
import { db } from '../workspace/db';
import { formFieldsOf } from './script-scope';

/**
 * The variables in scope at `nodeId` of the process `xml` (file `fileId`), with the fields of the
 * forms of the file's project. Recomputed when the XML or the element changes; empty while it is
 * computed or when the XML does not parse (the editor still works, only without variables).
 *
 * @example
 * ```ts
 * const variables = useScopeVariables(fileId, xml, 'ComputeTotal');
 * ```
 */
export function useScopeVariables(fileId: string, xml: string, nodeId: string | undefined): VariableInScope[] {
  const [variables, setVariables] = useState<VariableInScope[]>([]);
  useEffect(() => {
    if (!nodeId) return;
    let live = true;
    void (async () => {
      try {
        const file = await getFile(db, fileId);
        const forms = file ? (await listFiles(db, file.projectId)).filter((f) => f.kind === 'form').map((f) => f.content) : [];
        const { definitions } = await parseBpmn(xml);
        const found = variablesInScope(definitions, nodeId, { formFields: formFieldsOf(forms) });
        if (live) setVariables(found);
      } catch {
        // A process that does not parse has no scope to offer; the Scripts view reports the XML.
        if (live) setVariables([]);
      }
    })();
    return () => {
      live = false;
    };
  }, [fileId, xml, nodeId]);
  return variables;
}
