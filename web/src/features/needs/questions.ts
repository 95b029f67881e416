import { useTranslation } from 'react-i18next';
import { questionLabel, questionsFor } from './categories';
import type { ExtraQuestion } from './categories.api';
import type { NeedDetail } from './needs.api';
import { useCategories } from './needs.queries';

// A category's extra questions (是否独居 …) are asked by the staff entry form (antd) and the resident's
// post form (antd-mobile), and shown on both detail pages: what they say lives here, the look there.

const yesNo = ['yes', 'no'] as const;

/** One extra question, ready for either form; the answer is stored in `answers` under its key. */
export type QuestionField = {
  key: string;
  name: ['answers', string];
  type: ExtraQuestion['type'];
  label: string;
  rules: { required: true; whitespace: true; message: string }[];
  /** What to pick from: yes / no in the UI language, or the configured options (empty for text). */
  choices: { value: string; label: string }[];
};

export function useQuestionFields(questions: ExtraQuestion[]): QuestionField[] {
  const { t, i18n } = useTranslation('needs');
  return questions.map((q) => ({
    key: q.key,
    name: ['answers', q.key],
    type: q.type,
    label: questionLabel(q, i18n.language),
    rules: q.required ? [{ required: true, whitespace: true, message: t('answerRequired') }] : [],
    choices:
      q.type === 'yesNo' ? yesNo.map((v) => ({ value: v, label: t(`answer.${v}`) })) : q.type === 'choice' ? (q.options ?? []).map((o) => ({ value: o, label: o })) : [],
  }));
}

/** The answers as the API takes them: trimmed strings, unanswered ones left out (a phone Selector gives one-item arrays). */
export function answersOf(values: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text?.trim()) out[key] = text.trim();
  }
  return out;
}

/** A need's answers, labelled by the category's questions as the resident saw them. */
export function useAnswerLines(need: Pick<NeedDetail, 'categoryId' | 'answers'>): { key: string; label: string; value: string }[] {
  const { t, i18n } = useTranslation('needs');
  const categories = useCategories();
  // until the questions have come, their keys would show instead of their labels
  if (!categories.isSuccess) return [];
  const questions = questionsFor(categories.data, need.categoryId);
  return Object.entries(need.answers).map(([key, value]) => {
    const question = questions.find((q) => q.key === key);
    // a question the category no longer asks keeps its answer, under the words 补充信息 rather than its key
    return { key, label: question ? questionLabel(question, i18n.language) : t('field.answers'), value: t(`answer.${value}`, { defaultValue: value }) };
  });
}
