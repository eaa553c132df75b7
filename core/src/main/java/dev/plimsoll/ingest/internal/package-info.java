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
/**
 * What the readers of {@code dev.plimsoll.ingest} and its tool packages share: opening result files (gzip or not,
 * with a byte count for progress bars), turning I/O failures into a {@link dev.plimsoll.ingest.LoadParseException}
 * that names the file, and merging the files of one run as separate load generators. Not API: may change in any
 * release.
 */
@NullMarked
package dev.plimsoll.ingest.internal;

import org.jspecify.annotations.NullMarked;
