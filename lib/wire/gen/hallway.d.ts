import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace hallway. */
export namespace hallway {

    /**
     * Properties of a Hlc.
     * @deprecated Use hallway.Hlc.$Properties instead.
     */
    interface IHlc extends hallway.Hlc.$Properties {
    }

    /** Represents a Hlc. */
    class Hlc {

        /**
         * Constructs a new Hlc.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Hlc.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Hlc wall. */
        wall: number;

        /** Hlc logical. */
        logical: number;

        /**
         * Creates a new Hlc instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Hlc instance
         */
        static create(properties: hallway.Hlc.$Shape): hallway.Hlc & hallway.Hlc.$Shape;
        static create(properties?: hallway.Hlc.$Properties): hallway.Hlc;

        /**
         * Encodes the specified Hlc message. Does not implicitly {@link hallway.Hlc.verify|verify} messages.
         * @param message Hlc message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Hlc.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Hlc message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Hlc & hallway.Hlc.$Shape} Hlc
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Hlc & hallway.Hlc.$Shape;

        /**
         * Gets the type url for Hlc
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Hlc {

        /** Properties of a Hlc. */
        interface $Properties {

            /** Hlc wall */
            wall?: (number|null);

            /** Hlc logical */
            logical?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Hlc. */
        type $Shape = hallway.Hlc.$Properties;
    }

    /**
     * Properties of a Block.
     * @deprecated Use hallway.Block.$Properties instead.
     */
    interface IBlock extends hallway.Block.$Properties {
    }

    /** Represents a Block. */
    class Block {

        /**
         * Constructs a new Block.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Block.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Block entries. */
        entries: hallway.Entry.$Properties[];

        /**
         * Creates a new Block instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Block instance
         */
        static create(properties: hallway.Block.$Shape): hallway.Block & hallway.Block.$Shape;
        static create(properties?: hallway.Block.$Properties): hallway.Block;

        /**
         * Encodes the specified Block message. Does not implicitly {@link hallway.Block.verify|verify} messages.
         * @param message Block message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Block.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Block message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Block & hallway.Block.$Shape} Block
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Block & hallway.Block.$Shape;

        /**
         * Gets the type url for Block
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Block {

        /** Properties of a Block. */
        interface $Properties {

            /** Block entries */
            entries?: (hallway.Entry.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Block. */
        type $Shape = {
          entries?: hallway.Entry.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an Entry.
     * @deprecated Use hallway.Entry.$Properties instead.
     */
    interface IEntry extends hallway.Entry.$Properties {
    }

    /** Represents an Entry. */
    class Entry {

        /**
         * Constructs a new Entry.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Entry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Entry hlc. */
        hlc?: (hallway.Hlc.$Properties|null);

        /** Entry header. */
        header?: (hallway.Header.$Properties|null);

        /** Entry message. */
        message?: (hallway.Message.$Properties|null);

        /** Entry profile. */
        profile?: (hallway.Profile.$Properties|null);

        /** Entry channel. */
        channel?: (hallway.Channel.$Properties|null);

        /** Entry kind. */
        kind?: ("header"|"message"|"profile"|"channel");

        /**
         * Creates a new Entry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Entry instance
         */
        static create(properties: hallway.Entry.$Shape): hallway.Entry & hallway.Entry.$Shape;
        static create(properties?: hallway.Entry.$Properties): hallway.Entry;

        /**
         * Encodes the specified Entry message. Does not implicitly {@link hallway.Entry.verify|verify} messages.
         * @param message Entry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Entry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Entry & hallway.Entry.$Shape} Entry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Entry & hallway.Entry.$Shape;

        /**
         * Gets the type url for Entry
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Entry {

        /** Properties of an Entry. */
        interface $Properties {

            /** Entry hlc */
            hlc?: (hallway.Hlc.$Properties|null);

            /** Entry header */
            header?: (hallway.Header.$Properties|null);

            /** Entry message */
            message?: (hallway.Message.$Properties|null);

            /** Entry profile */
            profile?: (hallway.Profile.$Properties|null);

            /** Entry channel */
            channel?: (hallway.Channel.$Properties|null);

            /** Entry kind */
            kind?: ("header"|"message"|"profile"|"channel");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Entry. */
        type $Shape = {
          hlc?: hallway.Hlc.$Shape|null;
          header?: hallway.Header.$Shape|null;
          message?: hallway.Message.$Shape|null;
          profile?: hallway.Profile.$Shape|null;
          channel?: hallway.Channel.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; header?: null; message?: null; profile?: null; channel?: null }|{ kind?: "header"; header: hallway.Header.$Shape; message?: null; profile?: null; channel?: null }|{ kind?: "message"; header?: null; message: hallway.Message.$Shape; profile?: null; channel?: null }|{ kind?: "profile"; header?: null; message?: null; profile: hallway.Profile.$Shape; channel?: null }|{ kind?: "channel"; header?: null; message?: null; profile?: null; channel: hallway.Channel.$Shape })
        );
    }

    /**
     * Properties of a Header.
     * @deprecated Use hallway.Header.$Properties instead.
     */
    interface IHeader extends hallway.Header.$Properties {
    }

    /** Represents a Header. */
    class Header {

        /**
         * Constructs a new Header.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Header.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Header version. */
        version: number;

        /** Header identity. */
        identity: Uint8Array;

        /** Header device. */
        device: Uint8Array;

        /** Header certificate. */
        certificate: Uint8Array;

        /** Header feedSignature. */
        feedSignature: Uint8Array;

        /** Header chat. */
        chat: Uint8Array;

        /** Header name. */
        name: string;

        /**
         * Creates a new Header instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Header instance
         */
        static create(properties: hallway.Header.$Shape): hallway.Header & hallway.Header.$Shape;
        static create(properties?: hallway.Header.$Properties): hallway.Header;

        /**
         * Encodes the specified Header message. Does not implicitly {@link hallway.Header.verify|verify} messages.
         * @param message Header message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Header.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Header message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Header & hallway.Header.$Shape} Header
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Header & hallway.Header.$Shape;

        /**
         * Gets the type url for Header
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Header {

        /** Properties of a Header. */
        interface $Properties {

            /** Header version */
            version?: (number|null);

            /** Header identity */
            identity?: (Uint8Array|null);

            /** Header device */
            device?: (Uint8Array|null);

            /** Header certificate */
            certificate?: (Uint8Array|null);

            /** Header feedSignature */
            feedSignature?: (Uint8Array|null);

            /** Header chat */
            chat?: (Uint8Array|null);

            /** Header name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Header. */
        type $Shape = hallway.Header.$Properties;
    }

    /**
     * Properties of a Message.
     * @deprecated Use hallway.Message.$Properties instead.
     */
    interface IMessage extends hallway.Message.$Properties {
    }

    /** Represents a Message. */
    class Message {

        /**
         * Constructs a new Message.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Message.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Message text. */
        text: string;

        /**
         * Creates a new Message instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Message instance
         */
        static create(properties: hallway.Message.$Shape): hallway.Message & hallway.Message.$Shape;
        static create(properties?: hallway.Message.$Properties): hallway.Message;

        /**
         * Encodes the specified Message message. Does not implicitly {@link hallway.Message.verify|verify} messages.
         * @param message Message message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Message & hallway.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Message & hallway.Message.$Shape;

        /**
         * Gets the type url for Message
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {

        /** Properties of a Message. */
        interface $Properties {

            /** Message text */
            text?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Message. */
        type $Shape = hallway.Message.$Properties;
    }

    /**
     * Properties of a Profile.
     * @deprecated Use hallway.Profile.$Properties instead.
     */
    interface IProfile extends hallway.Profile.$Properties {
    }

    /** Represents a Profile. */
    class Profile {

        /**
         * Constructs a new Profile.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Profile.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Profile name. */
        name: string;

        /**
         * Creates a new Profile instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Profile instance
         */
        static create(properties: hallway.Profile.$Shape): hallway.Profile & hallway.Profile.$Shape;
        static create(properties?: hallway.Profile.$Properties): hallway.Profile;

        /**
         * Encodes the specified Profile message. Does not implicitly {@link hallway.Profile.verify|verify} messages.
         * @param message Profile message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Profile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Profile message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Profile & hallway.Profile.$Shape} Profile
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Profile & hallway.Profile.$Shape;

        /**
         * Gets the type url for Profile
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Profile {

        /** Properties of a Profile. */
        interface $Properties {

            /** Profile name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Profile. */
        type $Shape = hallway.Profile.$Properties;
    }

    /**
     * Properties of a Channel.
     * @deprecated Use hallway.Channel.$Properties instead.
     */
    interface IChannel extends hallway.Channel.$Properties {
    }

    /** Represents a Channel. */
    class Channel {

        /**
         * Constructs a new Channel.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Channel.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Channel name. */
        name: string;

        /**
         * Creates a new Channel instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Channel instance
         */
        static create(properties: hallway.Channel.$Shape): hallway.Channel & hallway.Channel.$Shape;
        static create(properties?: hallway.Channel.$Properties): hallway.Channel;

        /**
         * Encodes the specified Channel message. Does not implicitly {@link hallway.Channel.verify|verify} messages.
         * @param message Channel message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Channel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Channel message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Channel & hallway.Channel.$Shape} Channel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Channel & hallway.Channel.$Shape;

        /**
         * Gets the type url for Channel
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Channel {

        /** Properties of a Channel. */
        interface $Properties {

            /** Channel name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Channel. */
        type $Shape = hallway.Channel.$Properties;
    }

    /**
     * Properties of a Live.
     * @deprecated Use hallway.Live.$Properties instead.
     */
    interface ILive extends hallway.Live.$Properties {
    }

    /** Represents a Live. */
    class Live {

        /**
         * Constructs a new Live.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Live.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Live hello. */
        hello?: (hallway.Hello.$Properties|null);

        /** Live follow. */
        follow?: (hallway.Follow.$Properties|null);

        /** Live writers. */
        writers?: (hallway.Writers.$Properties|null);

        /** Live status. */
        status?: (hallway.Status.$Properties|null);

        /** Live kind. */
        kind?: ("hello"|"follow"|"writers"|"status");

        /**
         * Creates a new Live instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Live instance
         */
        static create(properties: hallway.Live.$Shape): hallway.Live & hallway.Live.$Shape;
        static create(properties?: hallway.Live.$Properties): hallway.Live;

        /**
         * Encodes the specified Live message. Does not implicitly {@link hallway.Live.verify|verify} messages.
         * @param message Live message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Live.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Live message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Live & hallway.Live.$Shape} Live
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Live & hallway.Live.$Shape;

        /**
         * Gets the type url for Live
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Live {

        /** Properties of a Live. */
        interface $Properties {

            /** Live hello */
            hello?: (hallway.Hello.$Properties|null);

            /** Live follow */
            follow?: (hallway.Follow.$Properties|null);

            /** Live writers */
            writers?: (hallway.Writers.$Properties|null);

            /** Live status */
            status?: (hallway.Status.$Properties|null);

            /** Live kind */
            kind?: ("hello"|"follow"|"writers"|"status");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Live. */
        type $Shape = {
          hello?: hallway.Hello.$Shape|null;
          follow?: hallway.Follow.$Shape|null;
          writers?: hallway.Writers.$Shape|null;
          status?: hallway.Status.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; hello?: null; follow?: null; writers?: null; status?: null }|{ kind?: "hello"; hello: hallway.Hello.$Shape; follow?: null; writers?: null; status?: null }|{ kind?: "follow"; hello?: null; follow: hallway.Follow.$Shape; writers?: null; status?: null }|{ kind?: "writers"; hello?: null; follow?: null; writers: hallway.Writers.$Shape; status?: null }|{ kind?: "status"; hello?: null; follow?: null; writers?: null; status: hallway.Status.$Shape })
        );
    }

    /**
     * Properties of a Status.
     * @deprecated Use hallway.Status.$Properties instead.
     */
    interface IStatus extends hallway.Status.$Properties {
    }

    /** Represents a Status. */
    class Status {

        /**
         * Constructs a new Status.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Status.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Status away. */
        away: boolean;

        /**
         * Creates a new Status instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Status instance
         */
        static create(properties: hallway.Status.$Shape): hallway.Status & hallway.Status.$Shape;
        static create(properties?: hallway.Status.$Properties): hallway.Status;

        /**
         * Encodes the specified Status message. Does not implicitly {@link hallway.Status.verify|verify} messages.
         * @param message Status message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Status.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Status message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Status & hallway.Status.$Shape} Status
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Status & hallway.Status.$Shape;

        /**
         * Gets the type url for Status
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Status {

        /** Properties of a Status. */
        interface $Properties {

            /** Status away */
            away?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Status. */
        type $Shape = hallway.Status.$Properties;
    }

    /**
     * Properties of a Hello.
     * @deprecated Use hallway.Hello.$Properties instead.
     */
    interface IHello extends hallway.Hello.$Properties {
    }

    /** Represents a Hello. */
    class Hello {

        /**
         * Constructs a new Hello.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Hello.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Hello version. */
        version: number;

        /** Hello identity. */
        identity: Uint8Array;

        /** Hello certificate. */
        certificate: Uint8Array;

        /** Hello name. */
        name: string;

        /** Hello relay. */
        relay: boolean;

        /** Hello dhtPort. */
        dhtPort: number;

        /** Hello followDeltas. */
        followDeltas: boolean;

        /**
         * Creates a new Hello instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Hello instance
         */
        static create(properties: hallway.Hello.$Shape): hallway.Hello & hallway.Hello.$Shape;
        static create(properties?: hallway.Hello.$Properties): hallway.Hello;

        /**
         * Encodes the specified Hello message. Does not implicitly {@link hallway.Hello.verify|verify} messages.
         * @param message Hello message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Hello message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Hello & hallway.Hello.$Shape} Hello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Hello & hallway.Hello.$Shape;

        /**
         * Gets the type url for Hello
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Hello {

        /** Properties of a Hello. */
        interface $Properties {

            /** Hello version */
            version?: (number|null);

            /** Hello identity */
            identity?: (Uint8Array|null);

            /** Hello certificate */
            certificate?: (Uint8Array|null);

            /** Hello name */
            name?: (string|null);

            /** Hello relay */
            relay?: (boolean|null);

            /** Hello dhtPort */
            dhtPort?: (number|null);

            /** Hello followDeltas */
            followDeltas?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Hello. */
        type $Shape = hallway.Hello.$Properties;
    }

    /**
     * Properties of a Follow.
     * @deprecated Use hallway.Follow.$Properties instead.
     */
    interface IFollow extends hallway.Follow.$Properties {
    }

    /** Represents a Follow. */
    class Follow {

        /**
         * Constructs a new Follow.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Follow.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Follow chats. */
        chats: Uint8Array[];

        /** Follow added. */
        added: Uint8Array[];

        /** Follow removed. */
        removed: Uint8Array[];

        /**
         * Creates a new Follow instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Follow instance
         */
        static create(properties: hallway.Follow.$Shape): hallway.Follow & hallway.Follow.$Shape;
        static create(properties?: hallway.Follow.$Properties): hallway.Follow;

        /**
         * Encodes the specified Follow message. Does not implicitly {@link hallway.Follow.verify|verify} messages.
         * @param message Follow message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Follow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Follow message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Follow & hallway.Follow.$Shape} Follow
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Follow & hallway.Follow.$Shape;

        /**
         * Gets the type url for Follow
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Follow {

        /** Properties of a Follow. */
        interface $Properties {

            /** Follow chats */
            chats?: (Uint8Array[]|null);

            /** Follow added */
            added?: (Uint8Array[]|null);

            /** Follow removed */
            removed?: (Uint8Array[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Follow. */
        type $Shape = hallway.Follow.$Properties;
    }

    /**
     * Properties of a WriterInfo.
     * @deprecated Use hallway.WriterInfo.$Properties instead.
     */
    interface IWriterInfo extends hallway.WriterInfo.$Properties {
    }

    /** Represents a WriterInfo. */
    class WriterInfo {

        /**
         * Constructs a new WriterInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.WriterInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WriterInfo key. */
        key: Uint8Array;

        /** WriterInfo length. */
        length: number;

        /** WriterInfo last. */
        last?: (hallway.Hlc.$Properties|null);

        /**
         * Creates a new WriterInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WriterInfo instance
         */
        static create(properties: hallway.WriterInfo.$Shape): hallway.WriterInfo & hallway.WriterInfo.$Shape;
        static create(properties?: hallway.WriterInfo.$Properties): hallway.WriterInfo;

        /**
         * Encodes the specified WriterInfo message. Does not implicitly {@link hallway.WriterInfo.verify|verify} messages.
         * @param message WriterInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.WriterInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WriterInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.WriterInfo & hallway.WriterInfo.$Shape} WriterInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.WriterInfo & hallway.WriterInfo.$Shape;

        /**
         * Gets the type url for WriterInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WriterInfo {

        /** Properties of a WriterInfo. */
        interface $Properties {

            /** WriterInfo key */
            key?: (Uint8Array|null);

            /** WriterInfo length */
            length?: (number|null);

            /** WriterInfo last */
            last?: (hallway.Hlc.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WriterInfo. */
        type $Shape = hallway.WriterInfo.$Properties;
    }

    /**
     * Properties of a Writers.
     * @deprecated Use hallway.Writers.$Properties instead.
     */
    interface IWriters extends hallway.Writers.$Properties {
    }

    /** Represents a Writers. */
    class Writers {

        /**
         * Constructs a new Writers.
         * @param [properties] Properties to set
         */
        constructor(properties?: hallway.Writers.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Writers chat. */
        chat: Uint8Array;

        /** Writers feeds. */
        feeds: hallway.WriterInfo.$Properties[];

        /**
         * Creates a new Writers instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Writers instance
         */
        static create(properties: hallway.Writers.$Shape): hallway.Writers & hallway.Writers.$Shape;
        static create(properties?: hallway.Writers.$Properties): hallway.Writers;

        /**
         * Encodes the specified Writers message. Does not implicitly {@link hallway.Writers.verify|verify} messages.
         * @param message Writers message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: hallway.Writers.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Writers message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {hallway.Writers & hallway.Writers.$Shape} Writers
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): hallway.Writers & hallway.Writers.$Shape;

        /**
         * Gets the type url for Writers
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Writers {

        /** Properties of a Writers. */
        interface $Properties {

            /** Writers chat */
            chat?: (Uint8Array|null);

            /** Writers feeds */
            feeds?: (hallway.WriterInfo.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Writers. */
        type $Shape = hallway.Writers.$Properties;
    }
}
