/** A table as the back office sees it (`tables.list`): its secret is what its QR code holds. */
export interface ManagedTable {
  id: number;
  label: string;
  secret: string;
}
