package dev.cowcollections.jackson3;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.jdk.CollectionDeserializer;
import tools.jackson.databind.deser.jdk.MapDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

/**
 * Finds the deserializers of the cow-collections types.
 *
 * <p>A collection or map is read by Jackson's own {@link CollectionDeserializer} or
 * {@link MapDeserializer}, given a {@link CowInstantiator} that makes the empty Cow handle: those
 * deserializers already resolve the element, key and value deserializers in context, handle
 * polymorphic elements, {@code ACCEPT_SINGLE_VALUE_AS_ARRAY}, null and coercion settings, and
 * word the errors as for any {@code java.util} collection. A sorted type is one more entry in
 * {@link #collectionInstantiator} or {@link #mapInstantiator}.
 */
final class CowDeserializers extends Deserializers.Base {

    private final boolean interfacesAsCowTypes;

    CowDeserializers(boolean interfacesAsCowTypes) {
        this.interfacesAsCowTypes = interfacesAsCowTypes;
    }

    @Override
    public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription.Supplier beanDesc) {
        return type.hasRawClass(CowString.class) ? CowStringDeserializer.INSTANCE : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ValueDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
            BeanDescription.Supplier beanDesc, TypeDeserializer elementTypeDeserializer,
            ValueDeserializer<?> elementDeserializer) {
        CowInstantiator instantiator = collectionInstantiator(type.getRawClass());
        return instantiator == null ? null : CollectionDeserializer.create(type, beanDesc,
                (ValueDeserializer<Object>) elementDeserializer, elementTypeDeserializer, instantiator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ValueDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
            BeanDescription.Supplier beanDesc, KeyDeserializer keyDeserializer, TypeDeserializer valueTypeDeserializer,
            ValueDeserializer<?> valueDeserializer) {
        CowInstantiator instantiator = mapInstantiator(type.getRawClass());
        return instantiator == null ? null : new MapDeserializer(type, instantiator, keyDeserializer,
                (ValueDeserializer<Object>) valueDeserializer, valueTypeDeserializer);
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return valueType == CowString.class
                || collectionInstantiator(valueType) != null
                || mapInstantiator(valueType) != null;
    }

    private CowInstantiator collectionInstantiator(Class<?> raw) {
        if (raw == CowList.class || interfacesAsCowTypes && (raw == List.class || raw == Collection.class)) {
            return CowInstantiator.COW_LIST;
        }
        if (raw == CowSet.class || interfacesAsCowTypes && raw == Set.class) {
            return CowInstantiator.COW_SET;
        }
        if (raw == CowTreeSet.class || interfacesAsCowTypes && (raw == SortedSet.class || raw == NavigableSet.class)) {
            return CowInstantiator.COW_TREE_SET;
        }
        return null;
    }

    private CowInstantiator mapInstantiator(Class<?> raw) {
        if (raw == CowMap.class || interfacesAsCowTypes && raw == Map.class) {
            return CowInstantiator.COW_MAP;
        }
        if (raw == CowTreeMap.class || interfacesAsCowTypes && (raw == SortedMap.class || raw == NavigableMap.class)) {
            return CowInstantiator.COW_TREE_MAP;
        }
        return null;
    }
}
