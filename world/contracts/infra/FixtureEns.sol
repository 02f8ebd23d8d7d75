// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

address constant FX_ENS_REGISTRY = 0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e;

/// ENS registry (ensdomains/ens-contracts contracts/registry/ENSRegistry.sol) read surface. Records
/// are written by the fixture without the owner checks of the real registry, and there is no
/// fallback to the pre-2020 registry.
contract FixtureEnsRegistry {
    struct Record {
        address owner;
        address resolver;
        uint64 ttl;
    }

    mapping(bytes32 => Record) internal _records;

    event NewOwner(bytes32 indexed node, bytes32 indexed label, address owner);
    event Transfer(bytes32 indexed node, address owner);
    event NewResolver(bytes32 indexed node, address resolver);

    function owner(bytes32 node) external view returns (address) {
        address o = _records[node].owner;
        return o == address(this) ? address(0) : o;
    }

    function resolver(bytes32 node) external view returns (address) {
        return _records[node].resolver;
    }

    function ttl(bytes32 node) external view returns (uint64) {
        return _records[node].ttl;
    }

    function recordExists(bytes32 node) external view returns (bool) {
        return _records[node].owner != address(0);
    }

    /// Fixture-only (no authorisation): sets a node's owner and resolver.
    function setRecord(bytes32 node, address nodeOwner, address nodeResolver, uint64 nodeTtl) external {
        _records[node] = Record(nodeOwner, nodeResolver, nodeTtl);
        emit Transfer(node, nodeOwner);
        emit NewResolver(node, nodeResolver);
    }

    /// Fixture-only (no authorisation): sets a node's resolver.
    function setResolver(bytes32 node, address nodeResolver) external {
        _records[node].resolver = nodeResolver;
        emit NewResolver(node, nodeResolver);
    }
}

/// ENS PublicResolver profiles the app and viem read: addr (ENSIP-1 and ENSIP-9 multicoin), name
/// (reverse records) and text, with ERC-165. Records are written by the fixture without checks.
contract FixturePublicResolver {
    uint256 internal constant COIN_TYPE_ETH = 60;
    mapping(bytes32 => mapping(uint256 => bytes)) internal _addresses;
    mapping(bytes32 => string) internal _names;
    mapping(bytes32 => mapping(string => string)) internal _texts;

    event AddrChanged(bytes32 indexed node, address a);
    event AddressChanged(bytes32 indexed node, uint256 coinType, bytes newAddress);
    event NameChanged(bytes32 indexed node, string name);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == 0x01ffc9a7 // ERC-165
            || interfaceId == 0x3b3b57de // addr(bytes32)
            || interfaceId == 0xf1cb7e06 // addr(bytes32,uint256)
            || interfaceId == 0x691f3431 // name(bytes32)
            || interfaceId == 0x59d1d43c; // text(bytes32,string)
    }

    function addr(bytes32 node) external view returns (address payable) {
        bytes memory a = _addresses[node][COIN_TYPE_ETH];
        if (a.length == 0) return payable(address(0));
        return payable(address(bytes20(a)));
    }

    function addr(bytes32 node, uint256 coinType) external view returns (bytes memory) {
        return _addresses[node][coinType];
    }

    function name(bytes32 node) external view returns (string memory) {
        return _names[node];
    }

    function text(bytes32 node, string calldata key) external view returns (string memory) {
        return _texts[node][key];
    }

    /// Fixture-only: the ETH address of a node.
    function setAddr(bytes32 node, address a) external {
        _addresses[node][COIN_TYPE_ETH] = a == address(0) ? bytes("") : abi.encodePacked(a);
        emit AddrChanged(node, a);
        emit AddressChanged(node, COIN_TYPE_ETH, abi.encodePacked(a));
    }

    /// Fixture-only: the name record of a (reverse) node.
    function setName(bytes32 node, string calldata newName) external {
        _names[node] = newName;
        emit NameChanged(node, newName);
    }

    /// Fixture-only: a text record.
    function setText(bytes32 node, string calldata key, string calldata value) external {
        _texts[node][key] = value;
    }
}

interface IFxEnsRegistry {
    function resolver(bytes32 node) external view returns (address);
}

/// The ENS Universal Resolver as deployed at 0xeEeEEEeE14D718C2B47D9923Deab1335E144EeEe and called by
/// viem's getEnsAddress (resolveWithGateways) and getEnsName (reverseWithGateways). Same resolver
/// search (ENSIP-10: nearest ancestor with a resolver; an exact match unless the resolver is
/// extended), same errors (ResolverNotFound, ResolverNotContract, ResolverError,
/// UnsupportedResolverProfile, ReverseAddressMismatch) and same primary-name check (ENSIP-19).
/// Resolver calls are made directly: no CCIP-Read / batch gateway (no resolver here is offchain),
/// so `gateways` is accepted and ignored.
contract FixtureUniversalResolver {
    error DNSDecodingFailed(bytes dns);
    error DNSEncodingFailed(string ens);
    error ResolverNotFound(bytes name);
    error ResolverNotContract(bytes name, address resolver);
    error ResolverError(bytes errorData);
    error ReverseAddressMismatch(string primary, bytes primaryAddress);
    error UnsupportedResolverProfile(bytes4 selector);

    struct ResolverInfo {
        bytes name;
        uint256 offset;
        bytes32 node;
        address resolver;
        bool extended;
    }

    uint256 internal constant COIN_TYPE_ETH = 60;
    uint256 internal constant COIN_TYPE_DEFAULT = 1 << 31;
    bytes4 internal constant EXTENDED_RESOLVER = 0x9061b923; // resolve(bytes,bytes)
    bytes4 internal constant MULTICALL = 0xac9650d8; // multicall(bytes[])
    bytes4 internal constant ADDR = 0x3b3b57de; // addr(bytes32)
    bytes4 internal constant ADDR_COIN = 0xf1cb7e06; // addr(bytes32,uint256)
    bytes4 internal constant NAME = 0x691f3431; // name(bytes32)

    function registry() external pure returns (address) {
        return FX_ENS_REGISTRY;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == 0x01ffc9a7;
    }

    function findResolver(bytes memory dnsName) external view returns (address, bytes32, uint256) {
        return _findResolver(dnsName, 0);
    }

    function requireResolver(bytes memory dnsName) public view returns (ResolverInfo memory info) {
        info.name = dnsName;
        (info.resolver, info.node, info.offset) = _findResolver(dnsName, 0);
        if (info.resolver == address(0)) {
            revert ResolverNotFound(dnsName);
        } else if (_supportsInterface(info.resolver, EXTENDED_RESOLVER)) {
            info.extended = true;
        } else if (info.offset != 0) {
            revert ResolverNotFound(dnsName); // an immediate resolver must match exactly
        } else if (info.resolver.code.length == 0) {
            revert ResolverNotContract(dnsName, info.resolver);
        }
    }

    function resolve(bytes calldata dnsName, bytes calldata data) external view returns (bytes memory, address) {
        return resolveWithGateways(dnsName, data, new string[](0));
    }

    function resolveWithGateways(bytes calldata dnsName, bytes calldata data, string[] memory)
        public
        view
        returns (bytes memory result, address resolverAddress)
    {
        ResolverInfo memory info = requireResolver(dnsName);
        if (data.length >= 4 && bytes4(data[:4]) == MULTICALL) {
            bytes[] memory calls = abi.decode(data[4:], (bytes[]));
            bytes[] memory answers = new bytes[](calls.length);
            for (uint256 i = 0; i < calls.length; i++) {
                (, answers[i]) = _callResolver(info, calls[i]);
            }
            result = abi.encode(answers);
        } else {
            result = _requireResponse(info, data);
        }
        resolverAddress = info.resolver;
    }

    function reverse(bytes calldata lookupAddress, uint256 coinType)
        external
        view
        returns (string memory, address, address)
    {
        return reverseWithGateways(lookupAddress, coinType, new string[](0));
    }

    function reverseWithGateways(bytes calldata lookupAddress, uint256 coinType, string[] memory)
        public
        view
        returns (string memory primary, address resolverAddress, address reverseResolver)
    {
        ResolverInfo memory infoRev = requireResolver(_reverseName(lookupAddress, coinType));
        reverseResolver = infoRev.resolver;
        primary = abi.decode(_requireResponse(infoRev, abi.encodeWithSelector(NAME, infoRev.node)), (string));
        if (bytes(primary).length == 0) return ("", address(0), reverseResolver);
        ResolverInfo memory info = requireResolver(_encodeName(primary));
        bytes memory primaryAddress;
        if (coinType == COIN_TYPE_ETH) {
            address a = abi.decode(_requireResponse(info, abi.encodeWithSelector(ADDR, info.node)), (address));
            if (a != address(0)) primaryAddress = abi.encodePacked(a);
        } else {
            primaryAddress = abi.decode(_requireResponse(info, abi.encodeWithSelector(ADDR_COIN, info.node, coinType)), (bytes));
        }
        if (keccak256(primaryAddress) != keccak256(lookupAddress)) revert ReverseAddressMismatch(primary, primaryAddress);
        resolverAddress = info.resolver;
    }

    function _requireResponse(ResolverInfo memory info, bytes memory data) internal view returns (bytes memory) {
        (bool ok, bytes memory ret) = _callResolver(info, data);
        if (!ok) revert ResolverError(ret);
        if (ret.length == 0) revert UnsupportedResolverProfile(bytes4(data));
        return ret;
    }

    function _callResolver(ResolverInfo memory info, bytes memory data) internal view returns (bool ok, bytes memory ret) {
        bytes memory call = info.extended ? abi.encodeWithSelector(EXTENDED_RESOLVER, info.name, data) : data;
        (ok, ret) = info.resolver.staticcall(call);
        if (ok && info.extended && ret.length > 0) ret = abi.decode(ret, (bytes));
    }

    function _supportsInterface(address target, bytes4 interfaceId) internal view returns (bool) {
        (bool ok, bytes memory ret) = target.staticcall{gas: 30_000}(abi.encodeWithSelector(0x01ffc9a7, interfaceId));
        return ok && ret.length >= 32 && abi.decode(ret, (uint256)) != 0;
    }

    function _findResolver(bytes memory dnsName, uint256 offset) internal view returns (address, bytes32, uint256) {
        (bytes32 labelHash, uint256 next) = _readLabel(dnsName, offset);
        if (labelHash == bytes32(0)) return (address(0), bytes32(0), 0);
        (address parentResolver, bytes32 parentNode, uint256 parentOffset) = _findResolver(dnsName, next);
        bytes32 node = keccak256(abi.encodePacked(parentNode, labelHash));
        address found = IFxEnsRegistry(FX_ENS_REGISTRY).resolver(node);
        return found != address(0) ? (found, node, offset) : (parentResolver, node, parentOffset);
    }

    /// Label hash at `offset` (zero for the root label) and the offset of the next label.
    function _readLabel(bytes memory dnsName, uint256 offset) internal pure returns (bytes32 labelHash, uint256 next) {
        if (offset >= dnsName.length) revert DNSDecodingFailed(dnsName);
        uint256 len = uint8(dnsName[offset]);
        if (len == 0) return (bytes32(0), offset + 1);
        next = offset + 1 + len;
        if (next > dnsName.length) revert DNSDecodingFailed(dnsName);
        assembly {
            labelHash := keccak256(add(add(dnsName, 32), add(offset, 1)), len)
        }
    }

    /// DNS-encodes a dotted name ("alice.eth" -> 0x05616c69636503657468 00).
    function _encodeName(string memory ens) internal pure returns (bytes memory out) {
        bytes memory s = bytes(ens);
        if (s.length == 0) return hex"00";
        out = new bytes(s.length + 2);
        uint256 start = 0;
        for (uint256 i = 0; i <= s.length; i++) {
            if (i == s.length || s[i] == ".") {
                uint256 len = i - start;
                if (len == 0 || len > 255) revert DNSEncodingFailed(ens);
                out[start] = bytes1(uint8(len));
                for (uint256 k = start; k < i; k++) out[k + 1] = s[k];
                start = i + 1;
            }
        }
        out[s.length + 1] = 0x00;
    }

    /// ENSIP-19 reverse name, DNS-encoded: "{hex address}.addr.reverse" for ETH, "{hex}.default.reverse"
    /// for the default coin type, "{hex}.{coin type in hex}.reverse" otherwise.
    function _reverseName(bytes calldata lookupAddress, uint256 coinType) internal pure returns (bytes memory) {
        bytes memory namespace;
        if (coinType == COIN_TYPE_ETH) namespace = "addr";
        else if (coinType == COIN_TYPE_DEFAULT) namespace = "default";
        else namespace = _hexNoLeadingZeros(coinType);
        return abi.encodePacked(
            uint8(lookupAddress.length * 2), _hex(lookupAddress), uint8(namespace.length), namespace, uint8(7), "reverse", uint8(0)
        );
    }

    function _hex(bytes calldata data) internal pure returns (bytes memory out) {
        bytes16 digits = "0123456789abcdef";
        out = new bytes(data.length * 2);
        for (uint256 i = 0; i < data.length; i++) {
            out[2 * i] = digits[uint8(data[i]) >> 4];
            out[2 * i + 1] = digits[uint8(data[i]) & 0x0f];
        }
    }

    function _hexNoLeadingZeros(uint256 value) internal pure returns (bytes memory out) {
        bytes16 digits = "0123456789abcdef";
        uint256 len = 1;
        for (uint256 v = value >> 4; v != 0; v >>= 4) len++;
        out = new bytes(len);
        for (uint256 i = len; i > 0; i--) {
            out[i - 1] = digits[value & 0x0f];
            value >>= 4;
        }
    }
}
