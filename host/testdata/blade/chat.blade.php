@extends('layouts.app')

@section('content')
    {{-- The dealer's chat: the category is the vehicle's condition. --}}
    <h1>{{ $vehicle->title }}</h1>
    @if ($vehicle->used)
        <button onclick="web1on1.api.sendClientMessage('>cs /set @category Used Car')">Chat</button>
    @else
        <button onclick="web1on1.api.sendClientMessage('>cs /set @category {{ $vehicle->category }}')">Chat</button>
    @endif
    <script>
        web1on1.api.sendClientMessage('>cs .brand {!! json_encode($vehicle->brand) !!}');
        web1on1.api.sendClientMessage('>cs /notfy');
        var app = { user: @json($user) };
    </script>
    <p>Write to sales@example.com or use @{{ vueBinding }}.</p>
@endsection
