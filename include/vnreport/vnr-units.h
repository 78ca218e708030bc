/*
 * vnr-units.h — unit registry and conversion (placeholder until the units
 * module lands).
 *
 * Do not include this header directly: include <vnreport/vnreport.h>.
 */
#if !defined(VNR_H_IN) && !defined(VNR_COMPILATION)
#error "Only <vnreport/vnreport.h> can be included directly."
#endif

#ifndef VNR_UNITS_PUBLIC_H
#define VNR_UNITS_PUBLIC_H

VNR_BEGIN_DECLS

/** A unit registry: the built-in one or a caller's extension (opaque). @since 0.1 */
typedef struct vnr_unit_registry vnr_unit_registry;

VNR_END_DECLS

#endif
