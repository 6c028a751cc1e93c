// @peculiar/x509 v2 uses tsyringe, which insists on a `reflect-metadata` polyfill. That package is
// not installed, so this is the smallest subset tsyringe calls (getMetadata, getOwnMetadata,
// defineMetadata, metadata). Installed only when no polyfill is present.

type MetadataTarget = object;
type PropertyKeyOrNone = string | symbol | undefined;

const store = new WeakMap<MetadataTarget, Map<PropertyKeyOrNone, Map<unknown, unknown>>>();

function ownMap(target: MetadataTarget, property: PropertyKeyOrNone, create: boolean) {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let values = byProperty.get(property);
  if (!values && create) {
    values = new Map();
    byProperty.set(property, values);
  }
  return values;
}

interface ReflectMetadataSubset {
  getMetadata?: unknown;
}

const reflect = Reflect as unknown as ReflectMetadataSubset & Record<string, unknown>;
if (typeof reflect.getMetadata !== 'function') {
  const defineMetadata = (
    key: unknown,
    value: unknown,
    target: MetadataTarget,
    property?: PropertyKeyOrNone,
  ) => {
    ownMap(target, property, true)?.set(key, value);
  };
  const getOwnMetadata = (key: unknown, target: MetadataTarget, property?: PropertyKeyOrNone) =>
    ownMap(target, property, false)?.get(key);
  const getMetadata = (key: unknown, target: MetadataTarget, property?: PropertyKeyOrNone): unknown => {
    for (let current: MetadataTarget | null = target; current; current = Object.getPrototypeOf(current)) {
      const values = ownMap(current, property, false);
      if (values?.has(key)) return values.get(key);
    }
    return undefined;
  };
  const metadata =
    (key: unknown, value: unknown) =>
    (target: MetadataTarget, property?: PropertyKeyOrNone): void =>
      defineMetadata(key, value, target, property);
  Object.assign(reflect, { defineMetadata, getOwnMetadata, getMetadata, metadata });
}

export {};
