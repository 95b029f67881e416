import { Form, Input, Selector } from 'antd-mobile';
import type { ExtraQuestion } from '../categories.api';
import { useQuestionFields } from '../questions';

/** The category's extra questions on the phone: big tap targets (是 / 否, or the choices), text as a field. */
export function MobileQuestions({ questions }: { questions: ExtraQuestion[] }) {
  const fields = useQuestionFields(questions);
  return (
    <>
      {fields.map((f) => (
        <Form.Item key={f.key} name={f.name} label={f.label} rules={f.rules}>
          {f.type === 'text' ? <Input maxLength={200} clearable /> : <Selector className="lx-h5-selector" options={f.choices} />}
        </Form.Item>
      ))}
    </>
  );
}
