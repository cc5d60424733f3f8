import { RadioGroup, Select } from "@medusajs/ui"
import {
  type Control,
  Controller,
  type FieldPathByValue,
  type FieldValues,
  type UseControllerProps,
} from "react-hook-form"
import { ControlledField } from "./form-field"

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
  choices,
  disabled,
  onChange,
  ...field
}: SelectFieldProps<TValues, TName>) => (
  <ControlledField {...field}>
    {(bound) => (
      <Select
        value={String(bound.value)}
        disabled={disabled}
        onValueChange={(value) => {
          bound.onChange(value)
          onChange?.(value)
        }}
      >
        <Select.Trigger id={field.id} ref={bound.ref}>
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
    )}
  </ControlledField>
)

type ChoiceBoxesFieldProps<
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, string>,
> = {
  control: Control<TValues>
  name: TName
  /** Names the group for assistive technology; the boxes say the rest. */
  label: string
  choices: (Choice & { description: string })[]
}

/** Two choices side by side as boxes, each with a line on what it means. */
export const ChoiceBoxesField = <
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, string>,
>({
  control,
  name,
  label,
  choices,
}: ChoiceBoxesFieldProps<TValues, TName>) => (
  <Controller
    control={control}
    name={name}
    render={({ field }) => (
      <RadioGroup
        className="grid grid-cols-1 gap-3 sm:grid-cols-2"
        value={String(field.value)}
        onValueChange={field.onChange}
        aria-label={label}
      >
        {choices.map((choice) => (
          <RadioGroup.ChoiceBox
            key={choice.value}
            value={choice.value}
            label={choice.label}
            description={choice.description}
          />
        ))}
      </RadioGroup>
    )}
  />
)
