import { Form, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { questionLabel } from '../categories';
import type { ExtraQuestion } from '../categories.api';

/** Selector answers arrive as one-item arrays; the API wants plain strings. */
export function answersOf(values: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text?.trim()) out[key] = text.trim();
  }
  return out;
}

/** The category's extra questions as big tap targets (是 / 否, or the choices), text as a field. */
export function MobileQuestions({ questions }: { questions: ExtraQuestion[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {questions.map((q) => (
        <Form.Item
          key={q.key}
          name={['answers', q.key]}
          label={questionLabel(q, i18n.language)}
          rules={q.required ? [{ required: true, message: t('needs.answerRequired') }] : []}
        >
          {q.type === 'text' ? (
            <Input maxLength={200} clearable />
          ) : (
            <Selector
              className="lx-h5-selector"
              options={(q.type === 'yesNo' ? ['yes', 'no'] : (q.options ?? [])).map((v) => ({ value: v, label: q.type === 'yesNo' ? t(`needs.answer.${v}`) : v }))}
            />
          )}
        </Form.Item>
      ))}
    </>
  );
}
