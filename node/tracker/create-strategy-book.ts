/**
 * Underlying tokens of the EigenLayer strategies seen in one refresh, each read once. The registry's
 * strategies are read in the first level so stakers' deposits rarely wait for them; any other
 * strategy a staker holds is read when it appears. The beacon-chain ETH strategy is not a contract:
 * its underlying is ETH (viem's `ethAddress`, 0xEeee…EEeE), and its shares are wei.
 */
import { ethAddress, getAddress, isAddressEqual, type Address } from 'viem';
import { eigenLayerAbi } from '../../shared/abi/eigenlayer-abi';
import type { EigenLayerInfo } from '../../shared/registry/types';
import type { EigenGlobalState, Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

export interface StrategyBook {
  isBeacon(strategy: Address): boolean;
  underlying(strategy: Address): Promise<Read<Address>>;
  /** Every strategy seen so far (registry first, then in order of appearance) with its underlying. */
  entries(): Promise<EigenGlobalState['strategies']>;
}

/** Starts reading the registry strategies' underlying tokens and returns the book. */
export function createStrategyBook(reader: ContractReader, eigenLayer: EigenLayerInfo): StrategyBook {
  const seen = new Map<Address, Promise<Read<Address>>>();
  const isBeacon = (strategy: Address) => isAddressEqual(strategy, eigenLayer.beaconChainEthStrategy);
  const underlying = (strategy_: Address): Promise<Read<Address>> => {
    const strategy = getAddress(strategy_);
    let read = seen.get(strategy);
    if (!read) {
      read = isBeacon(strategy)
        ? Promise.resolve({ ok: true, value: getAddress(ethAddress) })
        : reader.read({ key: `strategy.underlyingToken:${strategy}`, address: strategy, abi: eigenLayerAbi.strategy, functionName: 'underlyingToken', args: [] });
      seen.set(strategy, read);
    }
    return read;
  };
  for (const s of eigenLayer.strategies) void underlying(s.address);
  void underlying(eigenLayer.beaconChainEthStrategy);
  return {
    isBeacon,
    underlying,
    async entries() {
      return Promise.all([...seen].map(async ([strategy, read]) => ({ strategy, underlyingToken: await read, paused: null })));
    },
  };
}
