import { useEffect, useId, useState } from 'preact/hooks';

/** A whole-number input that saves on change (Enter or leaving the field) and explains a bad value. */
export function NumberField(props: {
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(props.value));
    setError(null);
  }, [props.value]);

  const commit = (raw: string) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(value) || value < props.min || value > props.max) {
      setError(`Enter a whole number from ${props.min} to ${props.max}.`);
      return;
    }
    setError(null);
    if (value !== props.value) props.onCommit(value);
  };

  return (
    <div class="fo-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={props.step}
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={(event) => commit(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="fo-hint">
        {props.hint}
      </p>
      {error && (
        <p id={`${id}-error`} class="fo-error">
          {error}
        </p>
      )}
    </div>
  );
}
