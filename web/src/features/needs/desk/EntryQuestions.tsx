import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { questionLabel } from '../categories';
import type { ExtraQuestion } from '../categories.api';

/** The category's extra questions (是否独居 …), stored in `answers` under each question's key. */
export function EntryQuestions({ questions }: { questions: ExtraQuestion[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {questions.map((q) => (
        <Form.Item
          key={q.key}
          name={['answers', q.key]}
          label={questionLabel(q, i18n.language)}
          rules={q.required ? [{ required: true, whitespace: true, message: t('needs.answerRequired') }] : []}
        >
          {q.type === 'yesNo' ? (
            <Radio.Group options={['yes', 'no'].map((v) => ({ value: v, label: t(`needs.answer.${v}`) }))} />
          ) : q.type === 'choice' ? (
            <Select allowClear options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />
          ) : (
            <Input maxLength={200} />
          )}
        </Form.Item>
      ))}
    </>
  );
}
