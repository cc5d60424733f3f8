import { useState } from "react"
import { useCustomers } from "../../hooks/api/affiliate-connections"
import { personName } from "../../lib/format"
import { PickList } from "../common/pick-list"

export type PickedCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

type CustomerPickerProps = {
  value: PickedCustomer | null
  onChange: (customer: PickedCustomer | null) => void
}

/** Picks an existing store customer by email or name. */
export const CustomerPicker = ({ value, onChange }: CustomerPickerProps) => {
  const [search, setSearch] = useState("")
  const { data, isLoading } = useCustomers(search)
  const customers = data?.customers ?? []

  return (
    <PickList
      label="Customers"
      placeholder="Search customers by email or name"
      emptyText={
        search ? `No customer matches "${search}"` : "No customers yet"
      }
      isLoading={isLoading}
      options={customers.map((customer) => ({
        id: customer.id,
        title: personName(customer),
        description: customer.email,
      }))}
      selected={
        value
          ? { id: value.id, title: personName(value), description: value.email }
          : null
      }
      onSearchChange={setSearch}
      onSelect={(id) => {
        const customer = customers.find((candidate) => candidate.id === id)
        onChange(
          customer
            ? {
                id: customer.id,
                email: customer.email,
                first_name: customer.first_name ?? null,
                last_name: customer.last_name ?? null,
              }
            : null
        )
      }}
      onClear={() => onChange(null)}
    />
  )
}
