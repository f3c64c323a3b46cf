import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ApiClient, ApiRequestError, type VersionJson } from './api/api-client.js';
import type { BuilderSettings } from './api/settings.js';
import { useDesign } from './api/use-catalog.js';
import { Canvas } from './canvas/Canvas.js';
import { StepForm } from './forms/StepForm.js';
import { Header } from './Header.js';
import { Palette } from './palette/Palette.js';
import { problemControl } from './problems/focus-problem.js';
import { placeOf, type Problem } from './problems/problem-fields.js';
import { ProblemsPanel } from './problems/ProblemsPanel.js';
import { useProblems } from './problems/use-problems.js';
import { nextVersion } from './publish/next-version.js';
import { PublishPanel } from './publish/PublishPanel.js';
import { RunsPanel } from './runs/RunsPanel.js';
import { setAt, type DefinitionJson } from './state/definition.js';
import { EditorContext, type Editor } from './state/editor-context.js';
import { editorReducer, initialState } from './state/editor-reducer.js';
import { TestRunPanel } from './test-run/TestRunPanel.js';
import { Toolbar, type PanelName } from './Toolbar.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The builder for one tenant: header, palette, canvas, the selected step's form, problems, and the test, publish and runs panels. */
export function App({ settings }: { settings: BuilderSettings }) {
  const design = useDesign();
  const api = useMemo(() => new ApiClient(settings), [settings]);
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialState());
  const localProblems = useProblems(state.definition, design);
  const [serverCheck, setServerCheck] = useState<{ definition: DefinitionJson; problems: readonly Problem[] }>();
  const problems = serverCheck && serverCheck.definition === state.definition ? serverCheck.problems : localProblems;
  const [panel, setPanel] = useState<PanelName>(null);
  const [publishStatus, setPublishStatus] = useState('');
  const [versions, setVersions] = useState<readonly VersionJson[]>([]);
  const [loadStatus, setLoadStatus] = useState('');

  useEffect(() => {
    if (!settings.workflow) return;
    const id = settings.workflow;
    api
      .workflows()
      .then(async (published) => {
        const found = published.find((workflow) => workflow.id === id) ?? (await api.versions(id)).at(-1)?.definition;
        if (found) dispatch({ type: 'load', definition: found });
        else setLoadStatus(`There is no workflow "${id}" yet: a new one is open.`);
        setVersions(await api.versions(id));
      })
      .catch((error: unknown) => setLoadStatus(`Could not open "${id}": ${message(error)}`));
  }, [api, settings.workflow]);

  const setField = useCallback((pointer: string, value: unknown) => dispatch({ type: 'edit', definition: setAt(state.definition, pointer, value), key: pointer }), [state.definition]);
  const focusProblem = useCallback(
    (problem: Problem) => {
      dispatch({ type: 'select', id: placeOf(state.definition, problem).stepId });
      requestAnimationFrame(() => requestAnimationFrame(() => problemControl(problem)?.focus()));
    },
    [state.definition],
  );

  const validate = async () => {
    const definition = state.definition;
    try {
      const result = await api.validate(definition);
      setServerCheck({ definition, problems: result.problems });
    } catch (error) {
      setServerCheck({ definition, problems: [{ pointer: '', message: `The host could not validate: ${message(error)}` }] });
    }
  };

  const publish = async () => {
    setPanel('publish');
    setPublishStatus('Publishing…');
    try {
      const saved = await api.versions(state.definition.id);
      const version = nextVersion(state.definition.version, saved);
      const definition = version === state.definition.version ? state.definition : { ...state.definition, version };
      if (definition !== state.definition) dispatch({ type: 'edit', definition });
      const published = await api.publish(definition);
      setPublishStatus(`Published version ${published.version}`);
      setVersions(await api.versions(definition.id));
    } catch (error) {
      setPublishStatus(`Not published: ${message(error)}`);
      if (error instanceof ApiRequestError && error.problems) setServerCheck({ definition: state.definition, problems: error.problems });
    }
  };

  if (!design) return <p role="status">Loading the catalog…</p>;
  const editor: Editor = { state, dispatch, design, api, problems, setField, focusProblem };
  return (
    <EditorContext.Provider value={editor}>
      <div className="app">
        <Header />
        <Toolbar onValidate={() => void validate()} onPanel={setPanel} onPublish={() => void publish()} panel={panel} />
        {loadStatus ? <p role="status">{loadStatus}</p> : null}
        <main className="workspace">
          <Palette />
          <ReactFlowProvider>
            <Canvas />
          </ReactFlowProvider>
          <div className="side">
            <StepForm />
            <ProblemsPanel />
          </div>
        </main>
        {panel === 'test' ? <TestRunPanel /> : null}
        {panel === 'publish' ? <PublishPanel status={publishStatus} versions={versions} /> : null}
        {panel === 'runs' ? <RunsPanel /> : null}
      </div>
    </EditorContext.Provider>
  );
}
