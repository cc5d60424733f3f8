import { Hint, Input, Label, Switch, Text } from "@medusajs/ui"
import { type ComponentPropsWithoutRef, type ReactNode, forwardRef } from "react"
import {
  type Control,
  Controller,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type UseControllerProps,
} from "react-hook-form"

type FormFieldProps = {
  /** The control's id, which the label names; a picker has none. */
  id?: string
  label: string
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** A form control with its label, and its error in place of its hint. */
export const FormField = ({ id, label, optional, hint, error, children }: FormFieldProps) => (
  <div className="flex flex-col gap-y-2">
    <Label size="small" weight="plus" htmlFor={id}>
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (Optional)</span>}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint && <Hint>{hint}</Hint>}
  </div>
)

type ControlledFieldProps<TValues extends FieldValues, TName extends FieldPath<TValues>> = Omit<
  FormFieldProps,
  "error" | "children"
> & {
  control: Control<TValues>
  name: TName
  rules?: UseControllerProps<TValues, TName>["rules"]
  /** The control, given the field's value and handlers and whether it is invalid. */
  children: (field: ControllerRenderProps<TValues, TName>, invalid: boolean) => ReactNode
}

/**
 * A control that is no plain input (a select, a picker, amounts per
 * currency) bound to one of the form's fields, in a FormField with its error.
 */
export const ControlledField = <TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  rules,
  children,
  ...field
}: ControlledFieldProps<TValues, TName>) => (
  <Controller
    control={control}
    name={name}
    rules={rules}
    render={({ field: bound, fieldState }) => (
      <FormField {...field} error={fieldState.error?.message}>
        {children(bound, Boolean(fieldState.error))}
      </FormField>
    )}
  />
)

type InputFieldProps = Omit<FormFieldProps, "children" | "id"> &
  Omit<ComponentPropsWithoutRef<typeof Input>, "id"> & { id: string }

/**
 * A text or number input in a FormField; takes react-hook-form's `register`
 * spread, so the ref reaches the input.
 */
export const InputField = forwardRef<HTMLInputElement, InputFieldProps>(
  ({ id, label, optional, hint, error, ...input }, ref) => (
    <FormField id={id} label={label} optional={optional} hint={hint} error={error}>
      <Input id={id} ref={ref} aria-invalid={Boolean(error)} {...input} />
    </FormField>
  )
)
InputField.displayName = "InputField"

/** A percentage input's bounds: every rate is 0 to 100, decimals allowed. */
export const RATE_INPUT = { type: "number", min: 0, max: 100, step: "any" } as const

type SwitchFieldProps = {
  id: string
  label: string
  description: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
}

/** A setting turned on or off, with a line on what it does. */
export const SwitchField = ({ id, label, description, checked, onCheckedChange }: SwitchFieldProps) => (
  <div className="flex items-start gap-x-3">
    <Switch id={id} className="shrink-0" checked={checked} onCheckedChange={onCheckedChange} />
    <div className="flex flex-col">
      <Label size="small" weight="plus" htmlFor={id}>
        {label}
      </Label>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
  </div>
)
