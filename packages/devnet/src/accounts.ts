// The devnet's funded accounts: anvil's well-known test mnemonic (public; devnet only, never use
// these keys anywhere else), each index with one role.
import { type Address, type Hex, toHex } from "viem";
import { mnemonicToAccount, type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";

export const MNEMONIC = "test test test test test test test test test test test junk";

export type Role = "admin" | "provider" | "oracle member" | "delegator" | "guardian";

export interface DevAccount {
  role: Role;
  label: string;
  address: Address;
  privateKey: Hex;
  account: PrivateKeyAccount;
}

function devAccount(index: number, role: Role, label: string): DevAccount {
  const key = mnemonicToAccount(MNEMONIC, { addressIndex: index }).getHdKey().privateKey;
  if (!key) throw new Error(`no key for account ${index}`);
  const privateKey = toHex(key);
  const account = privateKeyToAccount(privateKey);
  return { role, label, address: account.address, privateKey, account };
}

export const PROVIDER_COUNT = 5;
/**
 * The committee: 4 members at quorum 3 tolerate one lying member and one member down, the smallest
 * committee that does (the contract refuses a quorum under 3 from 3 members on; docs/oracle.md).
 */
export const MEMBER_COUNT = 4;
export const ORACLE_QUORUM = 3;
export const DELEGATOR_COUNT = 12;
/** Members at indices 6-8, between providers and delegators; later ones come after everything else. */
export const MEMBERS_INLINE = 3;

/**
 * Index 0 deploys (and keeps no role: the deploy script renounces them all); then the genesis
 * providers, the first three oracle members, delegators; after them (so the earlier indices never
 * move) the guardian, an independent provider that applies for admission through governance, and
 * the fourth oracle member.
 */
export const accounts = {
  admin: devAccount(0, "admin", "deployer (no role left; holds the spare tANKR)"),
  providers: Array.from({ length: PROVIDER_COUNT }, (_, i) =>
    devAccount(1 + i, "provider", `provider ${i + 1}`),
  ),
  members: Array.from({ length: MEMBER_COUNT }, (_, i) =>
    devAccount(
      i < MEMBERS_INLINE
        ? 1 + PROVIDER_COUNT + i
        : 3 + PROVIDER_COUNT + MEMBERS_INLINE + DELEGATOR_COUNT + (i - MEMBERS_INLINE),
      "oracle member",
      `oracle member ${i + 1}`,
    ),
  ),
  delegators: Array.from({ length: DELEGATOR_COUNT }, (_, i) =>
    devAccount(1 + PROVIDER_COUNT + MEMBERS_INLINE + i, "delegator", `delegator ${i + 1}`),
  ),
  guardian: devAccount(
    1 + PROVIDER_COUNT + MEMBERS_INLINE + DELEGATOR_COUNT,
    "guardian",
    "guardian (PAUSER_ROLE)",
  ),
  applicant: devAccount(
    2 + PROVIDER_COUNT + MEMBERS_INLINE + DELEGATOR_COUNT,
    "provider",
    "independent provider (Pending)",
  ),
};

/** How many accounts anvil must fund with ETH. */
export const ACCOUNT_COUNT = 3 + PROVIDER_COUNT + MEMBER_COUNT + DELEGATOR_COUNT;
