import { ReadOutlined } from '@ant-design/icons';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { Button, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contractExamples, EXAMPLE_FILES, type Example, type ExampleFile } from '../examples.js';

/** The examples pane: the contract's operations by file; one click opens one in a new tab with the demo's variables. */
function ExamplesPane() {
  const { t } = useTranslation();
  const examples = useMemo(() => contractExamples(), []);
  const { addTab, setOperationName } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example: Example) => {
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // Named at once: GraphiQL reads the name from the editor after a pause, and a run before then sent the previous
    // tab's name with this document ("no operation named …").
    setOperationName(example.name);
  };
  return (
    <div style={{ overflow: 'auto', height: '100%' }}>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
        {t('ide.examples.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ide.examples.hint')}</Typography.Paragraph>
      {(Object.keys(EXAMPLE_FILES) as ExampleFile[]).map((file) => (
        <section key={file} aria-labelledby={`ide-examples-${file}`}>
          <Typography.Title level={4} id={`ide-examples-${file}`} style={{ fontSize: 15 }}>
            {t(`ide.examples.files.${file}`)}
          </Typography.Title>
          <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
            {examples
              .filter((example) => example.file === file)
              .map((example) => (
                <li key={example.name} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
                  <Button type="link" size="small" style={{ paddingInline: 0 }} aria-label={t('ide.examples.open', { name: example.name })} onClick={() => open(example)}>
                    {example.name}
                  </Button>
                  {example.kind === 'mutation' ? <Tag>{t('ide.examples.mutation')}</Tag> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** A GraphiQL plugin (a sidebar pane) offering the contract's operations as ready examples. */
export function examplesPlugin(title: string): GraphiQLPlugin {
  return { title, icon: () => <ReadOutlined aria-hidden />, content: ExamplesPane };
}
