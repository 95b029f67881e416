import { Form, Input, Radio, Select } from 'antd';
import type { ExtraQuestion } from '../categories.api';
import { useQuestionFields } from '../questions';

/** The category's extra questions in the staff entry form: yes / no as radios, choices in a select. */
export function EntryQuestions({ questions }: { questions: ExtraQuestion[] }) {
  const fields = useQuestionFields(questions);
  return (
    <>
      {fields.map((f) => (
        <Form.Item key={f.key} name={f.name} label={f.label} rules={f.rules}>
          {f.type === 'yesNo' ? <Radio.Group options={f.choices} /> : f.type === 'choice' ? <Select allowClear options={f.choices} /> : <Input maxLength={200} />}
        </Form.Item>
      ))}
    </>
  );
}
