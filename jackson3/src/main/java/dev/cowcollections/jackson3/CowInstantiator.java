package dev.cowcollections.jackson3;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Makes the empty handle that Jackson's collection and map deserializers fill. The handle
 * allocates nothing until its first element, and grows as elements arrive: the input's length
 * is never trusted ahead of the input.
 */
final class CowInstantiator extends ValueInstantiator.Base {

    static final CowInstantiator COW_LIST = new CowInstantiator(CowList.class, CowList::new);
    static final CowInstantiator COW_SET = new CowInstantiator(CowSet.class, CowSet::new);
    static final CowInstantiator COW_MAP = new CowInstantiator(CowMap.class, CowMap::new);
    static final CowInstantiator COW_TREE_SET = new CowInstantiator(CowTreeSet.class, CowTreeSet::new);
    static final CowInstantiator COW_TREE_MAP = new CowInstantiator(CowTreeMap.class, CowTreeMap::new);

    private final Supplier<Object> emptyHandle;

    private CowInstantiator(Class<?> type, Supplier<Object> emptyHandle) {
        super(type);
        this.emptyHandle = emptyHandle;
    }

    @Override
    public boolean canInstantiate() {
        return true;
    }

    @Override
    public boolean canCreateUsingDefault() {
        return true;
    }

    @Override
    public Object createUsingDefault(DeserializationContext ctxt) {
        return emptyHandle.get();
    }
}
