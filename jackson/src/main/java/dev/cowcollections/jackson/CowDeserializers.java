package dev.cowcollections.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.CollectionDeserializer;
import com.fasterxml.jackson.databind.deser.std.MapDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
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
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription beanDesc) {
        return type.hasRawClass(CowString.class) ? CowStringDeserializer.INSTANCE : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
            BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer,
            JsonDeserializer<?> elementDeserializer) {
        CowInstantiator instantiator = collectionInstantiator(type.getRawClass());
        return instantiator == null ? null : new CollectionDeserializer(type,
                (JsonDeserializer<Object>) elementDeserializer, elementTypeDeserializer, instantiator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
            BeanDescription beanDesc, KeyDeserializer keyDeserializer, TypeDeserializer valueTypeDeserializer,
            JsonDeserializer<?> valueDeserializer) {
        CowInstantiator instantiator = mapInstantiator(type.getRawClass());
        return instantiator == null ? null : new MapDeserializer(type, instantiator, keyDeserializer,
                (JsonDeserializer<Object>) valueDeserializer, valueTypeDeserializer);
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
