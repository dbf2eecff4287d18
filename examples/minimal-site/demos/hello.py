from greeter import greet, shout

print(greet("reader"))
print(shout("it runs in your browser"))
