/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const hallway = $root.hallway = (() => {

    /**
     * Namespace hallway.
     * @exports hallway
     * @namespace
     */
    const hallway = {};

    hallway.Hlc = (function() {

        /**
         * Properties of a Hlc.
         * @typedef {Object} hallway.Hlc.$Properties
         * @property {number|null} [wall] Hlc wall
         * @property {number|null} [logical] Hlc logical
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Hlc.
         * @memberof hallway
         * @interface IHlc
         * @augments hallway.Hlc.$Properties
         * @deprecated Use hallway.Hlc.$Properties instead.
         */

        /**
         * Shape of a Hlc.
         * @typedef {hallway.Hlc.$Properties} hallway.Hlc.$Shape
         */

        /**
         * Constructs a new Hlc.
         * @memberof hallway
         * @classdesc Represents a Hlc.
         * @constructor
         * @param {hallway.Hlc.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Hlc = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Hlc wall.
         * @member {number} wall
         * @memberof hallway.Hlc
         * @instance
         */
        Hlc.prototype.wall = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Hlc logical.
         * @member {number} logical
         * @memberof hallway.Hlc
         * @instance
         */
        Hlc.prototype.logical = 0;

        /**
         * Creates a new Hlc instance using the specified properties.
         * @function create
         * @memberof hallway.Hlc
         * @static
         * @param {hallway.Hlc.$Properties=} [properties] Properties to set
         * @returns {hallway.Hlc} Hlc instance
         * @type {{
         *   (properties: hallway.Hlc.$Shape): hallway.Hlc & hallway.Hlc.$Shape;
         *   (properties?: hallway.Hlc.$Properties): hallway.Hlc;
         * }}
         */
        Hlc.create = function(properties) {
            return new Hlc(properties);
        };

        /**
         * Encodes the specified Hlc message. Does not implicitly {@link hallway.Hlc.verify|verify} messages.
         * @function encode
         * @memberof hallway.Hlc
         * @static
         * @param {hallway.Hlc.$Properties} message Hlc message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Hlc.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.wall != null && $Object.hasOwnProperty.call(message, "wall") && (typeof message.wall === "object" ? message.wall.low || message.wall.high : message.wall !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.wall);
            if (message.logical != null && $Object.hasOwnProperty.call(message, "logical") && message.logical !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.logical);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Hlc message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Hlc
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Hlc & hallway.Hlc.$Shape} Hlc
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Hlc.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Hlc();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.wall = value;
                        else
                            delete message.wall;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.logical = value;
                        else
                            delete message.logical;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Hlc
         * @function getTypeUrl
         * @memberof hallway.Hlc
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Hlc.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Hlc";
        };

        return Hlc;
    })();

    hallway.Block = (function() {

        /**
         * Properties of a Block.
         * @typedef {Object} hallway.Block.$Properties
         * @property {Array.<hallway.Entry.$Properties>|null} [entries] Block entries
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Block.
         * @memberof hallway
         * @interface IBlock
         * @augments hallway.Block.$Properties
         * @deprecated Use hallway.Block.$Properties instead.
         */

        /**
         * Shape of a Block.
         * @typedef {{
         *   entries?: Array.<hallway.Entry.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} hallway.Block.$Shape
         */

        /**
         * Constructs a new Block.
         * @memberof hallway
         * @classdesc Represents a Block.
         * @constructor
         * @param {hallway.Block.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Block = function (properties) {
            this.entries = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Block entries.
         * @member {Array.<hallway.Entry.$Properties>} entries
         * @memberof hallway.Block
         * @instance
         */
        Block.prototype.entries = $util.emptyArray;

        /**
         * Creates a new Block instance using the specified properties.
         * @function create
         * @memberof hallway.Block
         * @static
         * @param {hallway.Block.$Properties=} [properties] Properties to set
         * @returns {hallway.Block} Block instance
         * @type {{
         *   (properties: hallway.Block.$Shape): hallway.Block & hallway.Block.$Shape;
         *   (properties?: hallway.Block.$Properties): hallway.Block;
         * }}
         */
        Block.create = function(properties) {
            return new Block(properties);
        };

        /**
         * Encodes the specified Block message. Does not implicitly {@link hallway.Block.verify|verify} messages.
         * @function encode
         * @memberof hallway.Block
         * @static
         * @param {hallway.Block.$Properties} message Block message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Block.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.entries != null && message.entries.length)
                for (let i = 0; i < message.entries.length; ++i)
                    $root.hallway.Entry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Block message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Block
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Block & hallway.Block.$Shape} Block
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Block.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Block();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.entries && message.entries.length))
                            message.entries = [];
                        message.entries.push($root.hallway.Entry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Block
         * @function getTypeUrl
         * @memberof hallway.Block
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Block.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Block";
        };

        return Block;
    })();

    hallway.Entry = (function() {

        /**
         * Properties of an Entry.
         * @typedef {Object} hallway.Entry.$Properties
         * @property {hallway.Hlc.$Properties|null} [hlc] Entry hlc
         * @property {hallway.Header.$Properties|null} [header] Entry header
         * @property {hallway.Message.$Properties|null} [message] Entry message
         * @property {hallway.Profile.$Properties|null} [profile] Entry profile
         * @property {hallway.Channel.$Properties|null} [channel] Entry channel
         * @property {"header"|"message"|"profile"|"channel"} [kind] Entry kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Entry.
         * @memberof hallway
         * @interface IEntry
         * @augments hallway.Entry.$Properties
         * @deprecated Use hallway.Entry.$Properties instead.
         */

        /**
         * Narrowed shape of an Entry.
         * @typedef {{
         *   hlc?: hallway.Hlc.$Shape|null;
         *   header?: hallway.Header.$Shape|null;
         *   message?: hallway.Message.$Shape|null;
         *   profile?: hallway.Profile.$Shape|null;
         *   channel?: hallway.Channel.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; header?: null; message?: null; profile?: null; channel?: null }|{ kind?: "header"; header: hallway.Header.$Shape; message?: null; profile?: null; channel?: null }|{ kind?: "message"; header?: null; message: hallway.Message.$Shape; profile?: null; channel?: null }|{ kind?: "profile"; header?: null; message?: null; profile: hallway.Profile.$Shape; channel?: null }|{ kind?: "channel"; header?: null; message?: null; profile?: null; channel: hallway.Channel.$Shape })
         * )} hallway.Entry.$Shape
         */

        /**
         * Constructs a new Entry.
         * @memberof hallway
         * @classdesc Represents an Entry.
         * @constructor
         * @param {hallway.Entry.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Entry = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Entry hlc.
         * @member {hallway.Hlc.$Properties|null|undefined} hlc
         * @memberof hallway.Entry
         * @instance
         */
        Entry.prototype.hlc = null;

        /**
         * Entry header.
         * @member {hallway.Header.$Properties|null|undefined} header
         * @memberof hallway.Entry
         * @instance
         */
        Entry.prototype.header = null;

        /**
         * Entry message.
         * @member {hallway.Message.$Properties|null|undefined} message
         * @memberof hallway.Entry
         * @instance
         */
        Entry.prototype.message = null;

        /**
         * Entry profile.
         * @member {hallway.Profile.$Properties|null|undefined} profile
         * @memberof hallway.Entry
         * @instance
         */
        Entry.prototype.profile = null;

        /**
         * Entry channel.
         * @member {hallway.Channel.$Properties|null|undefined} channel
         * @memberof hallway.Entry
         * @instance
         */
        Entry.prototype.channel = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Entry kind.
         * @member {"header"|"message"|"profile"|"channel"|undefined} kind
         * @memberof hallway.Entry
         * @instance
         */
        $Object.defineProperty(Entry.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["header", "message", "profile", "channel"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Entry instance using the specified properties.
         * @function create
         * @memberof hallway.Entry
         * @static
         * @param {hallway.Entry.$Properties=} [properties] Properties to set
         * @returns {hallway.Entry} Entry instance
         * @type {{
         *   (properties: hallway.Entry.$Shape): hallway.Entry & hallway.Entry.$Shape;
         *   (properties?: hallway.Entry.$Properties): hallway.Entry;
         * }}
         */
        Entry.create = function(properties) {
            return new Entry(properties);
        };

        /**
         * Encodes the specified Entry message. Does not implicitly {@link hallway.Entry.verify|verify} messages.
         * @function encode
         * @memberof hallway.Entry
         * @static
         * @param {hallway.Entry.$Properties} message Entry message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Entry.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.hlc != null && $Object.hasOwnProperty.call(message, "hlc"))
                $root.hallway.Hlc.encode(message.hlc, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.hallway.Header.encode(message.header, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                $root.hallway.Message.encode(message.message, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.profile != null && $Object.hasOwnProperty.call(message, "profile"))
                $root.hallway.Profile.encode(message.profile, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                $root.hallway.Channel.encode(message.channel, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Entry message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Entry
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Entry & hallway.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Entry.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Entry();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.hlc = $root.hallway.Hlc.decode(reader, reader.size(), $undefined, _depth + 1, message.hlc);
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.hallway.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        message.kind = "header";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.message = $root.hallway.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                        message.kind = "message";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.profile = $root.hallway.Profile.decode(reader, reader.size(), $undefined, _depth + 1, message.profile);
                        message.kind = "profile";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.channel = $root.hallway.Channel.decode(reader, reader.size(), $undefined, _depth + 1, message.channel);
                        message.kind = "channel";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Entry
         * @function getTypeUrl
         * @memberof hallway.Entry
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Entry.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Entry";
        };

        return Entry;
    })();

    hallway.Header = (function() {

        /**
         * Properties of a Header.
         * @typedef {Object} hallway.Header.$Properties
         * @property {number|null} [version] Header version
         * @property {Uint8Array|null} [identity] Header identity
         * @property {Uint8Array|null} [device] Header device
         * @property {Uint8Array|null} [certificate] Header certificate
         * @property {Uint8Array|null} [feedSignature] Header feedSignature
         * @property {Uint8Array|null} [chat] Header chat
         * @property {string|null} [name] Header name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Header.
         * @memberof hallway
         * @interface IHeader
         * @augments hallway.Header.$Properties
         * @deprecated Use hallway.Header.$Properties instead.
         */

        /**
         * Shape of a Header.
         * @typedef {hallway.Header.$Properties} hallway.Header.$Shape
         */

        /**
         * Constructs a new Header.
         * @memberof hallway
         * @classdesc Represents a Header.
         * @constructor
         * @param {hallway.Header.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Header = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Header version.
         * @member {number} version
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.version = 0;

        /**
         * Header identity.
         * @member {Uint8Array} identity
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.identity = $util.newBuffer([]);

        /**
         * Header device.
         * @member {Uint8Array} device
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.device = $util.newBuffer([]);

        /**
         * Header certificate.
         * @member {Uint8Array} certificate
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.certificate = $util.newBuffer([]);

        /**
         * Header feedSignature.
         * @member {Uint8Array} feedSignature
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.feedSignature = $util.newBuffer([]);

        /**
         * Header chat.
         * @member {Uint8Array} chat
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.chat = $util.newBuffer([]);

        /**
         * Header name.
         * @member {string} name
         * @memberof hallway.Header
         * @instance
         */
        Header.prototype.name = "";

        /**
         * Creates a new Header instance using the specified properties.
         * @function create
         * @memberof hallway.Header
         * @static
         * @param {hallway.Header.$Properties=} [properties] Properties to set
         * @returns {hallway.Header} Header instance
         * @type {{
         *   (properties: hallway.Header.$Shape): hallway.Header & hallway.Header.$Shape;
         *   (properties?: hallway.Header.$Properties): hallway.Header;
         * }}
         */
        Header.create = function(properties) {
            return new Header(properties);
        };

        /**
         * Encodes the specified Header message. Does not implicitly {@link hallway.Header.verify|verify} messages.
         * @function encode
         * @memberof hallway.Header
         * @static
         * @param {hallway.Header.$Properties} message Header message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Header.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity") && message.identity.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.identity);
            if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.device);
            if (message.certificate != null && $Object.hasOwnProperty.call(message, "certificate") && message.certificate.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.certificate);
            if (message.feedSignature != null && $Object.hasOwnProperty.call(message, "feedSignature") && message.feedSignature.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.feedSignature);
            if (message.chat != null && $Object.hasOwnProperty.call(message, "chat") && message.chat.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.chat);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Header message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Header
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Header & hallway.Header.$Shape} Header
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Header.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Header();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.identity = value;
                        else
                            delete message.identity;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.certificate = value;
                        else
                            delete message.certificate;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.feedSignature = value;
                        else
                            delete message.feedSignature;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.chat = value;
                        else
                            delete message.chat;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Header
         * @function getTypeUrl
         * @memberof hallway.Header
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Header.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Header";
        };

        return Header;
    })();

    hallway.Message = (function() {

        /**
         * Properties of a Message.
         * @typedef {Object} hallway.Message.$Properties
         * @property {string|null} [text] Message text
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Message.
         * @memberof hallway
         * @interface IMessage
         * @augments hallway.Message.$Properties
         * @deprecated Use hallway.Message.$Properties instead.
         */

        /**
         * Shape of a Message.
         * @typedef {hallway.Message.$Properties} hallway.Message.$Shape
         */

        /**
         * Constructs a new Message.
         * @memberof hallway
         * @classdesc Represents a Message.
         * @constructor
         * @param {hallway.Message.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Message = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Message text.
         * @member {string} text
         * @memberof hallway.Message
         * @instance
         */
        Message.prototype.text = "";

        /**
         * Creates a new Message instance using the specified properties.
         * @function create
         * @memberof hallway.Message
         * @static
         * @param {hallway.Message.$Properties=} [properties] Properties to set
         * @returns {hallway.Message} Message instance
         * @type {{
         *   (properties: hallway.Message.$Shape): hallway.Message & hallway.Message.$Shape;
         *   (properties?: hallway.Message.$Properties): hallway.Message;
         * }}
         */
        Message.create = function(properties) {
            return new Message(properties);
        };

        /**
         * Encodes the specified Message message. Does not implicitly {@link hallway.Message.verify|verify} messages.
         * @function encode
         * @memberof hallway.Message
         * @static
         * @param {hallway.Message.$Properties} message Message message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Message.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.text);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Message
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Message & hallway.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Message.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Message();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.text = value;
                        else
                            delete message.text;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Message
         * @function getTypeUrl
         * @memberof hallway.Message
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Message.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Message";
        };

        return Message;
    })();

    hallway.Profile = (function() {

        /**
         * Properties of a Profile.
         * @typedef {Object} hallway.Profile.$Properties
         * @property {string|null} [name] Profile name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Profile.
         * @memberof hallway
         * @interface IProfile
         * @augments hallway.Profile.$Properties
         * @deprecated Use hallway.Profile.$Properties instead.
         */

        /**
         * Shape of a Profile.
         * @typedef {hallway.Profile.$Properties} hallway.Profile.$Shape
         */

        /**
         * Constructs a new Profile.
         * @memberof hallway
         * @classdesc Represents a Profile.
         * @constructor
         * @param {hallway.Profile.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Profile = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Profile name.
         * @member {string} name
         * @memberof hallway.Profile
         * @instance
         */
        Profile.prototype.name = "";

        /**
         * Creates a new Profile instance using the specified properties.
         * @function create
         * @memberof hallway.Profile
         * @static
         * @param {hallway.Profile.$Properties=} [properties] Properties to set
         * @returns {hallway.Profile} Profile instance
         * @type {{
         *   (properties: hallway.Profile.$Shape): hallway.Profile & hallway.Profile.$Shape;
         *   (properties?: hallway.Profile.$Properties): hallway.Profile;
         * }}
         */
        Profile.create = function(properties) {
            return new Profile(properties);
        };

        /**
         * Encodes the specified Profile message. Does not implicitly {@link hallway.Profile.verify|verify} messages.
         * @function encode
         * @memberof hallway.Profile
         * @static
         * @param {hallway.Profile.$Properties} message Profile message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Profile.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Profile message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Profile
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Profile & hallway.Profile.$Shape} Profile
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Profile.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Profile();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Profile
         * @function getTypeUrl
         * @memberof hallway.Profile
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Profile.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Profile";
        };

        return Profile;
    })();

    hallway.Channel = (function() {

        /**
         * Properties of a Channel.
         * @typedef {Object} hallway.Channel.$Properties
         * @property {string|null} [name] Channel name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Channel.
         * @memberof hallway
         * @interface IChannel
         * @augments hallway.Channel.$Properties
         * @deprecated Use hallway.Channel.$Properties instead.
         */

        /**
         * Shape of a Channel.
         * @typedef {hallway.Channel.$Properties} hallway.Channel.$Shape
         */

        /**
         * Constructs a new Channel.
         * @memberof hallway
         * @classdesc Represents a Channel.
         * @constructor
         * @param {hallway.Channel.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Channel = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Channel name.
         * @member {string} name
         * @memberof hallway.Channel
         * @instance
         */
        Channel.prototype.name = "";

        /**
         * Creates a new Channel instance using the specified properties.
         * @function create
         * @memberof hallway.Channel
         * @static
         * @param {hallway.Channel.$Properties=} [properties] Properties to set
         * @returns {hallway.Channel} Channel instance
         * @type {{
         *   (properties: hallway.Channel.$Shape): hallway.Channel & hallway.Channel.$Shape;
         *   (properties?: hallway.Channel.$Properties): hallway.Channel;
         * }}
         */
        Channel.create = function(properties) {
            return new Channel(properties);
        };

        /**
         * Encodes the specified Channel message. Does not implicitly {@link hallway.Channel.verify|verify} messages.
         * @function encode
         * @memberof hallway.Channel
         * @static
         * @param {hallway.Channel.$Properties} message Channel message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Channel.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Channel message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Channel
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Channel & hallway.Channel.$Shape} Channel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Channel.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Channel();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Channel
         * @function getTypeUrl
         * @memberof hallway.Channel
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Channel.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Channel";
        };

        return Channel;
    })();

    hallway.Live = (function() {

        /**
         * Properties of a Live.
         * @typedef {Object} hallway.Live.$Properties
         * @property {hallway.Hello.$Properties|null} [hello] Live hello
         * @property {hallway.Follow.$Properties|null} [follow] Live follow
         * @property {hallway.Writers.$Properties|null} [writers] Live writers
         * @property {hallway.Status.$Properties|null} [status] Live status
         * @property {"hello"|"follow"|"writers"|"status"} [kind] Live kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Live.
         * @memberof hallway
         * @interface ILive
         * @augments hallway.Live.$Properties
         * @deprecated Use hallway.Live.$Properties instead.
         */

        /**
         * Narrowed shape of a Live.
         * @typedef {{
         *   hello?: hallway.Hello.$Shape|null;
         *   follow?: hallway.Follow.$Shape|null;
         *   writers?: hallway.Writers.$Shape|null;
         *   status?: hallway.Status.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; hello?: null; follow?: null; writers?: null; status?: null }|{ kind?: "hello"; hello: hallway.Hello.$Shape; follow?: null; writers?: null; status?: null }|{ kind?: "follow"; hello?: null; follow: hallway.Follow.$Shape; writers?: null; status?: null }|{ kind?: "writers"; hello?: null; follow?: null; writers: hallway.Writers.$Shape; status?: null }|{ kind?: "status"; hello?: null; follow?: null; writers?: null; status: hallway.Status.$Shape })
         * )} hallway.Live.$Shape
         */

        /**
         * Constructs a new Live.
         * @memberof hallway
         * @classdesc Represents a Live.
         * @constructor
         * @param {hallway.Live.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Live = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Live hello.
         * @member {hallway.Hello.$Properties|null|undefined} hello
         * @memberof hallway.Live
         * @instance
         */
        Live.prototype.hello = null;

        /**
         * Live follow.
         * @member {hallway.Follow.$Properties|null|undefined} follow
         * @memberof hallway.Live
         * @instance
         */
        Live.prototype.follow = null;

        /**
         * Live writers.
         * @member {hallway.Writers.$Properties|null|undefined} writers
         * @memberof hallway.Live
         * @instance
         */
        Live.prototype.writers = null;

        /**
         * Live status.
         * @member {hallway.Status.$Properties|null|undefined} status
         * @memberof hallway.Live
         * @instance
         */
        Live.prototype.status = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Live kind.
         * @member {"hello"|"follow"|"writers"|"status"|undefined} kind
         * @memberof hallway.Live
         * @instance
         */
        $Object.defineProperty(Live.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["hello", "follow", "writers", "status"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Live instance using the specified properties.
         * @function create
         * @memberof hallway.Live
         * @static
         * @param {hallway.Live.$Properties=} [properties] Properties to set
         * @returns {hallway.Live} Live instance
         * @type {{
         *   (properties: hallway.Live.$Shape): hallway.Live & hallway.Live.$Shape;
         *   (properties?: hallway.Live.$Properties): hallway.Live;
         * }}
         */
        Live.create = function(properties) {
            return new Live(properties);
        };

        /**
         * Encodes the specified Live message. Does not implicitly {@link hallway.Live.verify|verify} messages.
         * @function encode
         * @memberof hallway.Live
         * @static
         * @param {hallway.Live.$Properties} message Live message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Live.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                $root.hallway.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.follow != null && $Object.hasOwnProperty.call(message, "follow"))
                $root.hallway.Follow.encode(message.follow, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.writers != null && $Object.hasOwnProperty.call(message, "writers"))
                $root.hallway.Writers.encode(message.writers, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                $root.hallway.Status.encode(message.status, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Live message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Live
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Live & hallway.Live.$Shape} Live
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Live.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Live();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.hello = $root.hallway.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                        message.kind = "hello";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.follow = $root.hallway.Follow.decode(reader, reader.size(), $undefined, _depth + 1, message.follow);
                        message.kind = "follow";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.writers = $root.hallway.Writers.decode(reader, reader.size(), $undefined, _depth + 1, message.writers);
                        message.kind = "writers";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.status = $root.hallway.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                        message.kind = "status";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Live
         * @function getTypeUrl
         * @memberof hallway.Live
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Live.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Live";
        };

        return Live;
    })();

    hallway.Status = (function() {

        /**
         * Properties of a Status.
         * @typedef {Object} hallway.Status.$Properties
         * @property {boolean|null} [away] Status away
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Status.
         * @memberof hallway
         * @interface IStatus
         * @augments hallway.Status.$Properties
         * @deprecated Use hallway.Status.$Properties instead.
         */

        /**
         * Shape of a Status.
         * @typedef {hallway.Status.$Properties} hallway.Status.$Shape
         */

        /**
         * Constructs a new Status.
         * @memberof hallway
         * @classdesc Represents a Status.
         * @constructor
         * @param {hallway.Status.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Status = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Status away.
         * @member {boolean} away
         * @memberof hallway.Status
         * @instance
         */
        Status.prototype.away = false;

        /**
         * Creates a new Status instance using the specified properties.
         * @function create
         * @memberof hallway.Status
         * @static
         * @param {hallway.Status.$Properties=} [properties] Properties to set
         * @returns {hallway.Status} Status instance
         * @type {{
         *   (properties: hallway.Status.$Shape): hallway.Status & hallway.Status.$Shape;
         *   (properties?: hallway.Status.$Properties): hallway.Status;
         * }}
         */
        Status.create = function(properties) {
            return new Status(properties);
        };

        /**
         * Encodes the specified Status message. Does not implicitly {@link hallway.Status.verify|verify} messages.
         * @function encode
         * @memberof hallway.Status
         * @static
         * @param {hallway.Status.$Properties} message Status message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Status.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.away != null && $Object.hasOwnProperty.call(message, "away") && message.away !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.away);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Status message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Status
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Status & hallway.Status.$Shape} Status
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Status.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Status();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.away = value;
                        else
                            delete message.away;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Status
         * @function getTypeUrl
         * @memberof hallway.Status
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Status.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Status";
        };

        return Status;
    })();

    hallway.Hello = (function() {

        /**
         * Properties of a Hello.
         * @typedef {Object} hallway.Hello.$Properties
         * @property {number|null} [version] Hello version
         * @property {Uint8Array|null} [identity] Hello identity
         * @property {Uint8Array|null} [certificate] Hello certificate
         * @property {string|null} [name] Hello name
         * @property {boolean|null} [relay] Hello relay
         * @property {number|null} [dhtPort] Hello dhtPort
         * @property {boolean|null} [followDeltas] Hello followDeltas
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Hello.
         * @memberof hallway
         * @interface IHello
         * @augments hallway.Hello.$Properties
         * @deprecated Use hallway.Hello.$Properties instead.
         */

        /**
         * Shape of a Hello.
         * @typedef {hallway.Hello.$Properties} hallway.Hello.$Shape
         */

        /**
         * Constructs a new Hello.
         * @memberof hallway
         * @classdesc Represents a Hello.
         * @constructor
         * @param {hallway.Hello.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Hello = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Hello version.
         * @member {number} version
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.version = 0;

        /**
         * Hello identity.
         * @member {Uint8Array} identity
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.identity = $util.newBuffer([]);

        /**
         * Hello certificate.
         * @member {Uint8Array} certificate
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.certificate = $util.newBuffer([]);

        /**
         * Hello name.
         * @member {string} name
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.name = "";

        /**
         * Hello relay.
         * @member {boolean} relay
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.relay = false;

        /**
         * Hello dhtPort.
         * @member {number} dhtPort
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.dhtPort = 0;

        /**
         * Hello followDeltas.
         * @member {boolean} followDeltas
         * @memberof hallway.Hello
         * @instance
         */
        Hello.prototype.followDeltas = false;

        /**
         * Creates a new Hello instance using the specified properties.
         * @function create
         * @memberof hallway.Hello
         * @static
         * @param {hallway.Hello.$Properties=} [properties] Properties to set
         * @returns {hallway.Hello} Hello instance
         * @type {{
         *   (properties: hallway.Hello.$Shape): hallway.Hello & hallway.Hello.$Shape;
         *   (properties?: hallway.Hello.$Properties): hallway.Hello;
         * }}
         */
        Hello.create = function(properties) {
            return new Hello(properties);
        };

        /**
         * Encodes the specified Hello message. Does not implicitly {@link hallway.Hello.verify|verify} messages.
         * @function encode
         * @memberof hallway.Hello
         * @static
         * @param {hallway.Hello.$Properties} message Hello message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Hello.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity") && message.identity.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.identity);
            if (message.certificate != null && $Object.hasOwnProperty.call(message, "certificate") && message.certificate.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.certificate);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.name);
            if (message.relay != null && $Object.hasOwnProperty.call(message, "relay") && message.relay !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.relay);
            if (message.dhtPort != null && $Object.hasOwnProperty.call(message, "dhtPort") && message.dhtPort !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.dhtPort);
            if (message.followDeltas != null && $Object.hasOwnProperty.call(message, "followDeltas") && message.followDeltas !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.followDeltas);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Hello message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Hello
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Hello & hallway.Hello.$Shape} Hello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Hello.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Hello();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.identity = value;
                        else
                            delete message.identity;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.certificate = value;
                        else
                            delete message.certificate;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.relay = value;
                        else
                            delete message.relay;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.dhtPort = value;
                        else
                            delete message.dhtPort;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.followDeltas = value;
                        else
                            delete message.followDeltas;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Hello
         * @function getTypeUrl
         * @memberof hallway.Hello
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Hello.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Hello";
        };

        return Hello;
    })();

    hallway.Follow = (function() {

        /**
         * Properties of a Follow.
         * @typedef {Object} hallway.Follow.$Properties
         * @property {Array.<Uint8Array>|null} [chats] Follow chats
         * @property {Array.<Uint8Array>|null} [added] Follow added
         * @property {Array.<Uint8Array>|null} [removed] Follow removed
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Follow.
         * @memberof hallway
         * @interface IFollow
         * @augments hallway.Follow.$Properties
         * @deprecated Use hallway.Follow.$Properties instead.
         */

        /**
         * Shape of a Follow.
         * @typedef {hallway.Follow.$Properties} hallway.Follow.$Shape
         */

        /**
         * Constructs a new Follow.
         * @memberof hallway
         * @classdesc Represents a Follow.
         * @constructor
         * @param {hallway.Follow.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Follow = function (properties) {
            this.chats = [];
            this.added = [];
            this.removed = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Follow chats.
         * @member {Array.<Uint8Array>} chats
         * @memberof hallway.Follow
         * @instance
         */
        Follow.prototype.chats = $util.emptyArray;

        /**
         * Follow added.
         * @member {Array.<Uint8Array>} added
         * @memberof hallway.Follow
         * @instance
         */
        Follow.prototype.added = $util.emptyArray;

        /**
         * Follow removed.
         * @member {Array.<Uint8Array>} removed
         * @memberof hallway.Follow
         * @instance
         */
        Follow.prototype.removed = $util.emptyArray;

        /**
         * Creates a new Follow instance using the specified properties.
         * @function create
         * @memberof hallway.Follow
         * @static
         * @param {hallway.Follow.$Properties=} [properties] Properties to set
         * @returns {hallway.Follow} Follow instance
         * @type {{
         *   (properties: hallway.Follow.$Shape): hallway.Follow & hallway.Follow.$Shape;
         *   (properties?: hallway.Follow.$Properties): hallway.Follow;
         * }}
         */
        Follow.create = function(properties) {
            return new Follow(properties);
        };

        /**
         * Encodes the specified Follow message. Does not implicitly {@link hallway.Follow.verify|verify} messages.
         * @function encode
         * @memberof hallway.Follow
         * @static
         * @param {hallway.Follow.$Properties} message Follow message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Follow.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.chats != null && message.chats.length)
                for (let i = 0; i < message.chats.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.chats[i]);
            if (message.added != null && message.added.length)
                for (let i = 0; i < message.added.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.added[i]);
            if (message.removed != null && message.removed.length)
                for (let i = 0; i < message.removed.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.removed[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Follow message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Follow
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Follow & hallway.Follow.$Shape} Follow
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Follow.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Follow();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.chats && message.chats.length))
                            message.chats = [];
                        message.chats.push(reader.bytes());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.added && message.added.length))
                            message.added = [];
                        message.added.push(reader.bytes());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.removed && message.removed.length))
                            message.removed = [];
                        message.removed.push(reader.bytes());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Follow
         * @function getTypeUrl
         * @memberof hallway.Follow
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Follow.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Follow";
        };

        return Follow;
    })();

    hallway.WriterInfo = (function() {

        /**
         * Properties of a WriterInfo.
         * @typedef {Object} hallway.WriterInfo.$Properties
         * @property {Uint8Array|null} [key] WriterInfo key
         * @property {number|null} [length] WriterInfo length
         * @property {hallway.Hlc.$Properties|null} [last] WriterInfo last
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WriterInfo.
         * @memberof hallway
         * @interface IWriterInfo
         * @augments hallway.WriterInfo.$Properties
         * @deprecated Use hallway.WriterInfo.$Properties instead.
         */

        /**
         * Shape of a WriterInfo.
         * @typedef {hallway.WriterInfo.$Properties} hallway.WriterInfo.$Shape
         */

        /**
         * Constructs a new WriterInfo.
         * @memberof hallway
         * @classdesc Represents a WriterInfo.
         * @constructor
         * @param {hallway.WriterInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WriterInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WriterInfo key.
         * @member {Uint8Array} key
         * @memberof hallway.WriterInfo
         * @instance
         */
        WriterInfo.prototype.key = $util.newBuffer([]);

        /**
         * WriterInfo length.
         * @member {number} length
         * @memberof hallway.WriterInfo
         * @instance
         */
        WriterInfo.prototype.length = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WriterInfo last.
         * @member {hallway.Hlc.$Properties|null|undefined} last
         * @memberof hallway.WriterInfo
         * @instance
         */
        WriterInfo.prototype.last = null;

        /**
         * Creates a new WriterInfo instance using the specified properties.
         * @function create
         * @memberof hallway.WriterInfo
         * @static
         * @param {hallway.WriterInfo.$Properties=} [properties] Properties to set
         * @returns {hallway.WriterInfo} WriterInfo instance
         * @type {{
         *   (properties: hallway.WriterInfo.$Shape): hallway.WriterInfo & hallway.WriterInfo.$Shape;
         *   (properties?: hallway.WriterInfo.$Properties): hallway.WriterInfo;
         * }}
         */
        WriterInfo.create = function(properties) {
            return new WriterInfo(properties);
        };

        /**
         * Encodes the specified WriterInfo message. Does not implicitly {@link hallway.WriterInfo.verify|verify} messages.
         * @function encode
         * @memberof hallway.WriterInfo
         * @static
         * @param {hallway.WriterInfo.$Properties} message WriterInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WriterInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.length != null && $Object.hasOwnProperty.call(message, "length") && (typeof message.length === "object" ? message.length.low || message.length.high : message.length !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.length);
            if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                $root.hallway.Hlc.encode(message.last, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WriterInfo message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.WriterInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.WriterInfo & hallway.WriterInfo.$Shape} WriterInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WriterInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.WriterInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.length = value;
                        else
                            delete message.length;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.last = $root.hallway.Hlc.decode(reader, reader.size(), $undefined, _depth + 1, message.last);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WriterInfo
         * @function getTypeUrl
         * @memberof hallway.WriterInfo
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WriterInfo.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.WriterInfo";
        };

        return WriterInfo;
    })();

    hallway.Writers = (function() {

        /**
         * Properties of a Writers.
         * @typedef {Object} hallway.Writers.$Properties
         * @property {Uint8Array|null} [chat] Writers chat
         * @property {Array.<hallway.WriterInfo.$Properties>|null} [feeds] Writers feeds
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Writers.
         * @memberof hallway
         * @interface IWriters
         * @augments hallway.Writers.$Properties
         * @deprecated Use hallway.Writers.$Properties instead.
         */

        /**
         * Shape of a Writers.
         * @typedef {hallway.Writers.$Properties} hallway.Writers.$Shape
         */

        /**
         * Constructs a new Writers.
         * @memberof hallway
         * @classdesc Represents a Writers.
         * @constructor
         * @param {hallway.Writers.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Writers = function (properties) {
            this.feeds = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Writers chat.
         * @member {Uint8Array} chat
         * @memberof hallway.Writers
         * @instance
         */
        Writers.prototype.chat = $util.newBuffer([]);

        /**
         * Writers feeds.
         * @member {Array.<hallway.WriterInfo.$Properties>} feeds
         * @memberof hallway.Writers
         * @instance
         */
        Writers.prototype.feeds = $util.emptyArray;

        /**
         * Creates a new Writers instance using the specified properties.
         * @function create
         * @memberof hallway.Writers
         * @static
         * @param {hallway.Writers.$Properties=} [properties] Properties to set
         * @returns {hallway.Writers} Writers instance
         * @type {{
         *   (properties: hallway.Writers.$Shape): hallway.Writers & hallway.Writers.$Shape;
         *   (properties?: hallway.Writers.$Properties): hallway.Writers;
         * }}
         */
        Writers.create = function(properties) {
            return new Writers(properties);
        };

        /**
         * Encodes the specified Writers message. Does not implicitly {@link hallway.Writers.verify|verify} messages.
         * @function encode
         * @memberof hallway.Writers
         * @static
         * @param {hallway.Writers.$Properties} message Writers message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Writers.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.chat != null && $Object.hasOwnProperty.call(message, "chat") && message.chat.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.chat);
            if (message.feeds != null && message.feeds.length)
                for (let i = 0; i < message.feeds.length; ++i)
                    $root.hallway.WriterInfo.encode(message.feeds[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Writers message from the specified reader or buffer.
         * @function decode
         * @memberof hallway.Writers
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {hallway.Writers & hallway.Writers.$Shape} Writers
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Writers.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.hallway.Writers();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.chat = value;
                        else
                            delete message.chat;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.feeds && message.feeds.length))
                            message.feeds = [];
                        message.feeds.push($root.hallway.WriterInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Writers
         * @function getTypeUrl
         * @memberof hallway.Writers
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Writers.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/hallway.Writers";
        };

        return Writers;
    })();

    return hallway;
})();

export {
  $root as default
};
