/*
 * Copyright 2026 the Plimsoll authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.plimsoll.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Time zones as {@code UTC}, an offset ({@code +01:00}, {@code -05:00}) or a region ({@code Europe/Rome}). */
final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time zone: use UTC, an offset such as +01:00"
                    + " (the one a k6 run wrote its timestamps in), or a region such as Europe/Rome");
        }
    }
}
