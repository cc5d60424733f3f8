import { Select } from "@medusajs/ui"
import {
  type Control,
  Controller,
  type FieldPathByValue,
  type FieldValues,
  type UseControllerProps,
} from "react-hook-form"
import { FormField } from "./form-field"

export type Choice = { value: string; label: string }

/** The choices of a labels record, in its order. */
export const choicesOf = <T extends string>(labels: Record<T, string>): Choice[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))

type SelectFieldProps<
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, string>,
> = {
  control: Control<TValues>
  name: TName
  id: string
  label: string
  hint?: string
  choices: Choice[]
  disabled?: boolean
  rules?: UseControllerProps<TValues, TName>["rules"]
  /** Runs after the value changes, for fields that depend on it. */
  onChange?: (value: string) => void
}

/** A Select in a FormField, bound to one of the form's text fields. */
export const SelectField = <
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, string>,
>({
  control,
  name,
  id,
  label,
  hint,
  choices,
  disabled,
  rules,
  onChange,
}: SelectFieldProps<TValues, TName>) => (
  <Controller
    control={control}
    name={name}
    rules={rules}
    render={({ field, fieldState }) => (
      <FormField id={id} label={label} hint={hint} error={fieldState.error?.message}>
        <Select
          value={String(field.value)}
          disabled={disabled}
          onValueChange={(value) => {
            field.onChange(value)
            onChange?.(value)
          }}
        >
          <Select.Trigger id={id} ref={field.ref}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {choices.map((choice) => (
              <Select.Item key={choice.value} value={choice.value}>
                {choice.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
    )}
  />
)
